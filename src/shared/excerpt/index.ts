export { extractExcerpt, type Excerpt, type ExcerptOptions, type ExcerptSource } from './excerpt'
export {
  automaticSummary,
  automaticSummaryFullParse,
  markdownToPlainText,
  walkBlocks,
} from './summary'
export { findDividerLine, splitChunks } from './chunks'
export { countWords, type TextBlock } from './blocks'
