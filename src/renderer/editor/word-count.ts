import { splitFrontMatter } from '../../shared/frontmatter'
import { countPostWords, readingMinutes } from '../../shared/text/word-count'

export interface TextStats {
  words: number
  readingMinutes: number
}

/**
 * Word count and reading time of a post body (front matter is not counted): the same count
 * as the post index and `inkpress index` (src/shared/text/word-count.ts).
 */
export function textStats(markdown: string): TextStats {
  const words = countPostWords(splitFrontMatter(markdown).body)
  return { words, readingMinutes: readingMinutes(words) }
}
