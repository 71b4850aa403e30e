/**
 * The one word count of Inkpress (the editor's status bar, the post index, the CLI): the words
 * of Unicode's word boundaries (UAX #29) as `Intl.Segmenter` finds them, CJK included.
 *
 * The segmenter costs about a millisecond and a half per post, too slow for an index of
 * 10,000 posts, so text made of ASCII is counted by a scanner that applies the same rules for
 * ASCII characters (letters, digits and `_` form words; `'`, `.`, `:` join two letters; `'`,
 * `.`, `,`, `;` join two digits); every run holding another character goes to the segmenter.
 * Word boundaries never join across white space, so each run is counted on its own.
 * src/shared/text/word-count.test.ts holds the scanner to the segmenter on random text.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'word' })

export function countWords(text: string): number {
  let count = 0
  for (const run of text.split(/\s+/)) {
    if (run === '') continue
    // eslint-disable-next-line no-control-regex -- the ASCII range, tabs and all
    count += /^[\x00-\x7f]*$/.test(run) ? countAsciiWords(run) : countSegmented(run)
  }
  return count
}

/** The words of a post's Markdown body a reader sees: HTML comments (the `<!--more-->` divider) are not read. */
export function countPostWords(body: string): number {
  return countWords(body.includes('<!--') ? body.replace(/<!--[\s\S]*?-->/g, ' ') : body)
}

/** Hugo's ReadingTime: 213 words a minute, rounded up. */
export function readingMinutes(words: number): number {
  return Math.floor((words + 212) / 213)
}

function countSegmented(run: string): number {
  let count = 0
  for (const segment of segmenter.segment(run)) if (segment.isWordLike) count++
  return count
}

const LETTER = 1
const DIGIT = 2
const UNDERSCORE = 3

function classOf(code: number): number {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return LETTER
  if (code >= 48 && code <= 57) return DIGIT
  return code === 95 ? UNDERSCORE : 0
}

/** `'` `.` `:` between letters (MidLetter, MidNumLet), `'` `.` `,` `;` between digits (MidNum). */
function joins(separator: number, before: number, after: number): boolean {
  if (before === LETTER && after === LETTER) {
    return separator === 39 || separator === 46 || separator === 58
  }
  if (before === DIGIT && after === DIGIT) {
    return separator === 39 || separator === 46 || separator === 44 || separator === 59
  }
  return false
}

/**
 * A segment counts when it holds a letter or digit, or is longer than one character (ICU
 * marks `__` as a word, a lone `_` not).
 */
function countAsciiWords(run: string): number {
  let count = 0
  let inWord = false
  let hasLetterOrDigit = false
  let last = 0
  for (let i = 0; i < run.length; i++) {
    const kind = classOf(run.charCodeAt(i))
    if (kind !== 0) {
      if (inWord && !hasLetterOrDigit && kind === UNDERSCORE) hasLetterOrDigit = true
      inWord = true
      if (kind !== UNDERSCORE) hasLetterOrDigit = true
      last = kind
      continue
    }
    if (
      inWord &&
      i + 1 < run.length &&
      joins(run.charCodeAt(i), last, classOf(run.charCodeAt(i + 1)))
    ) {
      continue
    }
    if (inWord && hasLetterOrDigit) count++
    inWord = false
    hasLetterOrDigit = false
    last = 0
  }
  if (inWord && hasLetterOrDigit) count++
  return count
}
