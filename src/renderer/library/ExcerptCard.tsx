import { useMemo } from 'react'
import type { ExcerptSource } from '../../shared/excerpt'
import { parseFrontMatter, updateFrontMatter } from '../../shared/frontmatter'
import { summarizePost, type SiteInfo } from '../../shared/posts'
import { AppFailure } from '../../shared/result'
import { showError, useInkpress } from '../state/store'
import { applyBufferEdit } from './buffer-edit'
import { insertDividerAtCursor } from './editor-access'
import { summaryFieldFor } from './front-matter-fields'
import { useIdleValue } from '../editor/idle-value'
import { revealBidiControls } from '../../shared/text/reveal-bidi'

/** Long enough to skip work between keystrokes, short enough to feel live. */
const EXCERPT_DEBOUNCE_MS = 120

/** Reads the whole post (milliseconds on 100 KB): run in idle time, never on a keystroke. */
const summarize = ({ path, text, site }: { path: string; text: string; site: SiteInfo }) =>
  summarizePost(path, text, site)

function sourceLabel(source: ExcerptSource, site: SiteInfo): string {
  if (source === 'manual') return 'Manual divider (<!--more-->)'
  if (source === 'frontmatter') return 'Front matter summary'
  if (site.generator === 'jekyll') return 'Automatic: the first paragraph'
  if (site.generator === 'hexo') return 'Automatic: the whole post (Hexo needs a divider)'
  return `Automatic: the first ${site.summaryLength} words, to the end of a paragraph`
}

/** `{{< note >}}`, `{% include %}`: template pieces named as the writer wrote them. */
function omittedNames(names: string[], site: SiteInfo): string {
  const shown = names.slice(0, 3).map((name) => {
    // `{{ site.title }}` as written; a phrase (`more template tags`) as it is.
    if (name.startsWith('{{') || name.includes(' ')) return name
    return site.generator === 'hugo' ? `{{< ${name} >}}` : `{% ${name} %}`
  })
  const more = names.length > 3 ? ` and ${names.length - 3} more` : ''
  return revealBidiControls(shown.join(', ') + more)
}

/** The open post's card as the index page will show it, recomputed as the writer types. */
export function ExcerptCard({ path, site }: { path: string; site: SiteInfo }) {
  const text = useInkpress((state) => state.post?.text ?? '')
  const input = useMemo(() => ({ path, text, site }), [path, text, site])
  const summary = useIdleValue(input, summarize, EXCERPT_DEBOUNCE_MS)

  const saveToFrontMatter = () => {
    const current = useInkpress.getState().post?.text
    if (current === undefined) return
    const { excerpt } = summarizePost(path, current, site)
    const field = summaryFieldFor(site.generator, parseFrontMatter(current).data)
    try {
      const next = updateFrontMatter(
        current,
        { [field]: excerpt },
        { newFormat: site.frontMatterFormat },
      )
      applyBufferEdit(next)
    } catch (error) {
      if (error instanceof AppFailure) showError(error)
      else throw error
    }
  }

  return (
    <section className="excerpt-card" aria-label="Excerpt" data-testid="excerpt-card">
      <header className="excerpt-card-head">
        <h2>Excerpt on the index page</h2>
        <span
          className={`badge source-badge source-${summary.excerptSource}`}
          data-testid="excerpt-source"
          data-source={summary.excerptSource}
        >
          {sourceLabel(summary.excerptSource, site)}
        </span>
      </header>
      <p className="excerpt-card-title">
        <bdi>{revealBidiControls(summary.title)}</bdi>
      </p>
      <p className="post-card-excerpt" data-testid="live-excerpt">
        {summary.excerpt} ...
      </p>
      {summary.excerptOmits && (
        <p className="excerpt-card-note" data-testid="excerpt-omits">
          Left out of excerpts: what {omittedNames(summary.excerptOmits, site)}{' '}
          {summary.excerptOmits.length === 1 ? 'shows' : 'show'} on the site, which only the
          site&apos;s own templates know.
        </p>
      )}
      <div className="excerpt-card-actions">
        <button type="button" className="secondary small" onClick={insertDividerAtCursor}>
          Insert divider at cursor
        </button>
        <button
          type="button"
          className="secondary small"
          disabled={
            summary.excerptSource === 'frontmatter' ||
            summary.frontMatterError !== undefined ||
            summary.excerpt === ''
          }
          title="Write this excerpt into the post's front matter summary"
          onClick={saveToFrontMatter}
        >
          Save excerpt to front matter
        </button>
      </div>
    </section>
  )
}
