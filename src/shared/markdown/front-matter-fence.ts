const FRONT_MATTER_FENCE = /^(---|\+\+\+)[ \t]*\r?$/

/**
 * Offset of the end of the closing fence when `text` starts with a closed `---` (YAML) or
 * `+++` (TOML) front matter block, else 0. Mirrors micromark-extension-frontmatter's rule:
 * fence on line 1, the same fence again on a later line, optional trailing spaces or tabs.
 */
export function closedFrontMatterEnd(text: string): number {
  const firstLineEnd = text.indexOf('\n')
  if (firstLineEnd < 0) return 0
  // micromark drops a byte order mark before parsing, so front matter may follow one.
  const fence = FRONT_MATTER_FENCE.exec(
    text.slice(text.startsWith('\uFEFF') ? 1 : 0, firstLineEnd),
  )?.[1]
  if (!fence) return 0
  let lineStart = firstLineEnd + 1
  while (lineStart <= text.length) {
    const next = text.indexOf('\n', lineStart)
    const lineEnd = next < 0 ? text.length : next
    if (FRONT_MATTER_FENCE.exec(text.slice(lineStart, lineEnd))?.[1] === fence) return lineEnd
    if (next < 0) break
    lineStart = next + 1
  }
  return 0
}
