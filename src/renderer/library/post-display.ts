/** The date as the index shows it: the calendar day of ISO-like dates, anything else as written. */
export function displayDate(date: string | null): string {
  if (!date) return ''
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date.trim())
  return day ? day[0] : date.trim()
}

/**
 * The part of a post's path a rename changes: the file name without extension and Jekyll date,
 * or a page bundle's folder.
 */
export function fileSlug(path: string): string {
  const segments = path.split('/')
  let name = (segments.at(-1) ?? path).replace(/\.[^.]+$/, '')
  if ((name === 'index' || name === '_index') && segments.length > 1) name = segments.at(-2)!
  return name.replace(/^\d{4}-\d{2}-\d{2}-/, '')
}
