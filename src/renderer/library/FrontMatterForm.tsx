import { useMemo, useState, type KeyboardEvent } from 'react'
import {
  parseFrontMatter,
  updateFrontMatter,
  type FrontMatterData,
  type FrontMatterPatch,
} from '../../shared/frontmatter'
import type { SiteInfo } from '../../shared/posts'
import { AppFailure } from '../../shared/result'
import { showError, useInkpress } from '../state/store'
import { applyBufferEdit } from './buffer-edit'
import {
  draftFieldFor,
  draftPatch,
  fieldText,
  parseTagList,
  summaryFieldFor,
} from './front-matter-fields'

type TextField = 'title' | 'date' | 'tags' | 'summary'

/** The front matter key behind each text field of the form. */
function keyFor(field: TextField, site: SiteInfo, data: FrontMatterData): string {
  return field === 'summary' ? summaryFieldFor(site.generator, data) : field
}

function patchFor(field: TextField, key: string, typed: string): FrontMatterPatch {
  const value = typed.trim()
  if (field === 'tags') {
    const tags = parseTagList(value)
    return { tags: tags.length > 0 ? tags : null }
  }
  return { [key]: value === '' ? null : value }
}

/** Applies a patch to the buffer as it is now, keeping every byte the patch does not touch. */
function applyPatch(patch: FrontMatterPatch, site: SiteInfo): void {
  const text = useInkpress.getState().post?.text
  if (text === undefined) return
  try {
    const next = updateFrontMatter(text, patch, { newFormat: site.frontMatterFormat })
    if (next !== text) applyBufferEdit(next)
  } catch (error) {
    if (error instanceof AppFailure) showError(error)
    else throw error
  }
}

/**
 * Title, date, tags, draft and summary of the open post. Typing stays in the field; leaving it
 * (or Enter) writes the one changed key into the buffer, losslessly.
 */
export function FrontMatterForm({ site }: { site: SiteInfo }) {
  const text = useInkpress((state) => state.post?.text ?? '')
  // Front matter is a few lines: parsing it per keystroke is cheap, and the fields never lag.
  const parsed = useMemo(() => parseFrontMatter(text), [text])
  const [typing, setTyping] = useState<Partial<Record<TextField, string>>>({})

  const shown = (field: TextField) =>
    typing[field] ?? fieldText(parsed.data[keyFor(field, site, parsed.data)])

  const commit = (field: TextField) => {
    const typed = typing[field]
    if (typed === undefined) return
    setTyping(({ [field]: _done, ...rest }) => rest)
    const current = parseFrontMatter(useInkpress.getState().post?.text ?? '')
    if (current.error) return
    const key = keyFor(field, site, current.data)
    if (typed.trim() === fieldText(current.data[key]).trim()) return
    applyPatch(patchFor(field, key, typed), site)
  }

  const textInput = (field: TextField, label: string, placeholder = '') => (
    <label className="fm-field">
      {label}
      <input
        name={field}
        value={shown(field)}
        placeholder={placeholder}
        onChange={(event) => setTyping((state) => ({ ...state, [field]: event.target.value }))}
        onBlur={() => commit(field)}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === 'Enter') commit(field)
        }}
      />
    </label>
  )

  const summaryKey = keyFor('summary', site, parsed.data)
  const draftKey = draftFieldFor(site.generator, parsed.data)
  const isDraft =
    draftKey === 'published' ? parsed.data.published === false : parsed.data.draft === true

  return (
    <form
      className="front-matter-form"
      aria-label="Front matter"
      onSubmit={(event) => event.preventDefault()}
    >
      {parsed.error && (
        <p className="post-card-error" role="alert" data-testid="front-matter-error">
          {parsed.error} Fix it in the editor; the form is off until then.
        </p>
      )}
      <fieldset disabled={parsed.error !== null}>
        {textInput('title', 'Title')}
        <div className="fm-row">
          {textInput('date', 'Date', 'YYYY-MM-DD')}
          <label className="fm-check">
            <input
              type="checkbox"
              name="draft"
              checked={isDraft}
              onChange={(event) =>
                applyPatch(draftPatch(site.generator, parsed.data, event.target.checked), site)
              }
            />
            Draft
          </label>
        </div>
        {textInput('tags', 'Tags', 'comma, separated')}
        <label className="fm-field">
          {summaryKey === 'summary'
            ? 'Summary'
            : summaryKey === 'description'
              ? 'Description'
              : 'Excerpt'}
          <textarea
            name="summary"
            rows={3}
            value={shown('summary')}
            onChange={(event) => setTyping((state) => ({ ...state, summary: event.target.value }))}
            onBlur={() => commit('summary')}
          />
        </label>
      </fieldset>
    </form>
  )
}
