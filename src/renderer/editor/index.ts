export {
  MarkdownEditor,
  type MarkdownEditorHandle,
  type MarkdownEditorProps,
} from './MarkdownEditor'
export { StatusBar, type StatusBarProps } from './StatusBar'
export { textStats, type TextStats } from './word-count'
