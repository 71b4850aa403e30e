/** The folder name a clone of `url` gets, like git: the last path part without `.git`. */
export function folderNameFromUrl(url: string): string {
  const withoutQuery = url.trim().replace(/[?#].*$/, '')
  const last =
    withoutQuery
      .replace(/[/\\]+$/, '')
      .split(/[/:\\]/)
      .pop() ?? ''
  return last.replace(/\.git$/i, '') || 'blog'
}

/** `parent` + `name` with the separator the parent path already uses. */
export function joinFolder(parent: string, name: string): string {
  const windows = parent.includes('\\') && !parent.includes('/')
  const separator = windows ? '\\' : '/'
  return parent.endsWith(separator) ? `${parent}${name}` : `${parent}${separator}${name}`
}
