/** Front matter fields the form edits; every other key is left exactly as written. */
export const EDITABLE_FIELDS = [
  'title',
  'date',
  'tags',
  'draft',
  'published',
  'summary',
  'description',
  'excerpt',
] as const

export type EditableField = (typeof EDITABLE_FIELDS)[number]

/** `undefined` leaves a field alone, `null` removes it. */
export type PatchValue = string | boolean | string[] | null | undefined

export type FrontMatterPatch = Partial<Record<EditableField, PatchValue>>
