export {
  splitFrontMatter,
  detectEol,
  type FrontMatterBlock,
  type FrontMatterFormat,
  type SplitResult,
} from './split'
export { parseFrontMatter, type FrontMatterData, type ParsedFrontMatter } from './parse'
export { updateFrontMatter, type UpdateOptions } from './update'
export {
  EDITABLE_FIELDS,
  type EditableField,
  type FrontMatterPatch,
  type PatchValue,
} from './patch'
