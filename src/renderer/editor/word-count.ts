/** Average silent reading speed used for the estimate, in words per minute. */
const WORDS_PER_MINUTE = 230

const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n\1[ \t]*(\r?\n|$)/
/** Letters/digits runs count as words; each CJK ideograph or kana counts as one word. */
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

export interface TextStats {
  words: number
  readingMinutes: number
}

/** Word count and reading time of a post body (front matter is not counted). */
export function textStats(markdown: string): TextStats {
  const body = markdown.replace(FRONT_MATTER, '')
  let words = 0
  for (const _match of body.matchAll(WORD)) words++
  return {
    words,
    readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  }
}
