import { Fragment, useMemo } from 'react'
import { jsx, jsxs } from 'react/jsx-runtime'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import { renderMarkdownToHast } from '../../shared/markdown/pipeline'

export interface PreviewProps {
  text: string
  /** Maps a post-relative image path to a URL the page can load. */
  resolveImageSrc?(src: string): string
  /** Called for http/https/mailto link clicks; all other navigation is prevented. */
  onOpenExternal?(url: string): void
  onScrollLine?(line: number): void
}

/** Live preview of the post (first version: synchronous full render). */
export function Preview({ text }: PreviewProps): React.JSX.Element {
  const content = useMemo(
    () => toJsxRuntime(renderMarkdownToHast(text), { Fragment, jsx, jsxs }),
    [text],
  )
  return (
    <div className="markdown-preview" data-testid="preview">
      {content}
    </div>
  )
}
