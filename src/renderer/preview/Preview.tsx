import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react'
import { flushSync } from 'react-dom'
import { documentWithLocalEdit } from './local-edit'
import { BlockElements, BlockGroup } from './block-elements'
import { BlockGrouper } from './block-groups'
import { EMPTY_DOCUMENT, type PreviewDocument } from './preview-protocol'
import { ImageSourceContext } from './PreviewBlockView'
import { openRenderChannel, type RenderChannel } from './render-channel'
import { lineAtScrollTop, scrollTopForLine } from './scroll-sync'
import { BlockKeyTracker } from './stable-keys'
import 'katex/dist/katex.min.css'
import './preview.css'

export interface PreviewProps {
  text: string
  /** Maps a post-relative image path to a URL the page can load. */
  resolveImageSrc?(src: string): string
  /** Called for http/https/mailto link clicks; all other navigation is prevented. */
  onOpenExternal?(url: string): void
  /** 1-based source line at the top of the preview, reported while the writer scrolls it. */
  onScrollLine?(line: number): void
  /** React 19 ref prop: `scrollToLine(line)` for editor → preview scroll sync. */
  ref?: Ref<PreviewHandle>
}

export interface PreviewHandle {
  scrollToLine(line: number): void
}

const EXTERNAL_LINK = /^(?:https?:|mailto:)/i

/**
 * Keeps the rendered document in step with `text`: the worker renders every text off the typing
 * path; meanwhile an edit inside one paragraph is shown at once (`documentWithLocalEdit`).
 */
function usePreviewDocument(text: string): PreviewDocument {
  const [rendered, setDocument] = useState(EMPTY_DOCUMENT)
  const channel = useRef<RenderChannel | null>(null)
  useEffect(() => {
    // Commit a finished render at once instead of in a later scheduler task: the preview
    // then shows a keystroke within the same task the worker's answer arrives in.
    const opened = openRenderChannel((next) => flushSync(() => setDocument(next)))
    channel.current = opened
    return () => {
      opened.dispose()
      channel.current = null
    }
  }, [])
  const shown = useMemo(() => documentWithLocalEdit(rendered, text), [rendered, text])
  const shownNow = shown.text === text
  useEffect(() => {
    channel.current?.request(text, shownNow)
  }, [text, shownNow])
  return shown
}

/** The live preview. Its root (data-testid="preview") is the scroll container. */
export function Preview(props: PreviewProps): React.JSX.Element {
  const { text, resolveImageSrc, ref } = props
  const document = usePreviewDocument(text)
  const rootRef = useRef<HTMLDivElement>(null)
  const propsRef = useRef(props)
  useLayoutEffect(() => {
    propsRef.current = props
  })
  /** A scroll we caused ourselves must not be reported back (it would bounce between panes). */
  const ignoreScrollUntil = useRef(0)
  const frame = useRef(0)

  useImperativeHandle(
    ref,
    () => ({
      scrollToLine(line: number) {
        const root = rootRef.current
        if (!root) return
        ignoreScrollUntil.current = performance.now() + 150
        root.scrollTop = scrollTopForLine(root, line)
      },
    }),
    [],
  )

  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  const [keys] = useState(() => new BlockKeyTracker())
  const [elements] = useState(() => new BlockElements())
  const [groups] = useState(() => new BlockGrouper())
  // Built once per shown document, reusing the element of every block that did not change:
  // React then re-renders only the group holding the edited block.
  const content = useMemo(() => {
    const blockKeys = keys.keysFor(document.blocks)
    const blockElements = document.blocks.map((block, index) =>
      elements.elementFor(block, blockKeys[index] ?? block.key, block.startLine),
    )
    return (
      <>
        {groups.group(blockKeys).map((group) => (
          <BlockGroup key={group.id} blocks={blockElements.slice(group.start, group.end)} />
        ))}
        {document.footer && elements.elementFor(document.footer, document.footer.key, 0)}
      </>
    )
  }, [document, keys, elements, groups])

  const onScroll = (): void => {
    if (performance.now() < ignoreScrollUntil.current || frame.current) return
    frame.current = requestAnimationFrame(() => {
      frame.current = 0
      const root = rootRef.current
      if (root) propsRef.current.onScrollLine?.(lineAtScrollTop(root))
    })
  }

  /** Every way of following a link — click, Enter, middle click — goes through here. */
  const followLink = (event: React.MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as Element).closest('a')
    if (!anchor) return
    event.preventDefault()
    const href = anchor.getAttribute('href') ?? ''
    if (href.startsWith('#')) {
      const target = window.document.getElementById(fragmentId(href))
      if (target && rootRef.current?.contains(target)) target.scrollIntoView({ block: 'start' })
      return
    }
    if (EXTERNAL_LINK.test(href)) propsRef.current.onOpenExternal?.(href)
  }
  // A middle click would open the link in a new tab of its own; other buttons open menus.
  const onAuxClick = (event: React.MouseEvent<HTMLDivElement>): void => {
    if (event.button === 1) followLink(event)
  }

  return (
    <ImageSourceContext.Provider value={resolveImageSrc}>
      <div
        className="markdown-preview"
        data-testid="preview"
        data-version={document.version}
        ref={rootRef}
        onClick={followLink}
        onAuxClick={onAuxClick}
        onScroll={onScroll}
      >
        {content}
      </div>
    </ImageSourceContext.Provider>
  )
}

/** The element id a `#fragment` names; a malformed escape is taken as written. */
function fragmentId(href: string): string {
  try {
    return decodeURIComponent(href.slice(1))
  } catch {
    return href.slice(1)
  }
}
