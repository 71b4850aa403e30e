import { EditorView } from '@codemirror/view'
import MarkdownIt from 'markdown-it'
import { useState } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { MarkdownEditor } from '../../../src/renderer/editor/MarkdownEditor'
import { StatusBar } from '../../../src/renderer/editor/StatusBar'
import { Preview } from '../../../src/renderer/preview/Preview'
import { PreviewBlockView } from '../../../src/renderer/preview/PreviewBlockView'
import { lineAtScrollTop } from '../../../src/renderer/preview/scroll-sync'
import { useScrollSync } from '../../../src/renderer/preview/useScrollSync'
import { renderMarkdownToHast } from '../../../src/shared/markdown/pipeline'
import type { KeystrokeResult, PreviewBenchApi } from './bench-api'
import { generatePost } from './generate-post'

const post = generatePost()
const query = new URLSearchParams(location.search)
/**
 * `?nopreview` measures the editor alone, as a baseline for what the preview adds; `?empty` a
 * bare textarea, the floor of what any page measures from a keystroke to a painted frame.
 */
const emptyPage = query.has('empty')
const previewOn = !query.has('nopreview') && !emptyPage

/** When the preview last posted text to its worker and last heard back (for the breakdown). */
const workerTimeline = { posted: 0, answered: 0, renderMs: 0 }
/** When the editor last handed its text to the page (CodeMirror's update listener). */
const editorTimeline = { changed: 0 }
/** Called after each worker answer has been recorded. */
const answerListeners = new Set<() => void>()

/** Resolves once the worker has answered a request posted at or after `time`. */
function workerAnswerAfter(time: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (workerTimeline.posted < time || workerTimeline.answered < workerTimeline.posted) return
      answerListeners.delete(check)
      resolve()
    }
    answerListeners.add(check)
    check()
  })
}
const NativeWorker = window.Worker
window.Worker = class TimedWorker extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options)
    this.addEventListener('message', (event: MessageEvent<{ renderMs?: number }>) => {
      workerTimeline.answered = performance.now()
      workerTimeline.renderMs = event.data.renderMs ?? 0
      for (const listener of [...answerListeners]) listener()
    })
  }
  override postMessage(
    message: unknown,
    options?: StructuredSerializeOptions | Transferable[],
  ): void {
    workerTimeline.posted = performance.now()
    super.postMessage(message, options as StructuredSerializeOptions)
  }
}

function App(): React.JSX.Element {
  if (emptyPage) return <textarea aria-label="empty" />
  return <EditorAndPreview />
}

function EditorAndPreview(): React.JSX.Element {
  const [text, setText] = useState(post)
  const sync = useScrollSync()
  return (
    <>
      <MarkdownEditor
        ref={sync.editorRef}
        docKey="bench"
        initialText={post}
        onChange={(next) => {
          editorTimeline.changed = performance.now()
          setText(next)
        }}
        onSave={() => undefined}
        onTopLine={sync.onEditorTopLine}
      />
      {previewOn && (
        <Preview ref={sync.previewRef} text={text} onScrollLine={sync.onPreviewScrollLine} />
      )}
      <StatusBar text={text} />
    </>
  )
}

function previewRoot(): HTMLElement {
  const root = document.querySelector<HTMLElement>('[data-testid="preview"]')
  if (!root) throw new Error('preview not mounted')
  return root
}

function editorView(): EditorView {
  const dom = document.querySelector<HTMLElement>('.cm-editor')
  const view = dom && EditorView.findFromDOM(dom)
  if (!view) throw new Error('editor not mounted')
  return view
}

function timed(run: () => void, times: number): number[] {
  return Array.from({ length: times }, () => {
    const start = performance.now()
    run()
    return performance.now() - start
  })
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta'])

/** Set by `expectKeystroke`; resolved once the preview shows the typed text and a frame is painted. */
let pending: Promise<KeystrokeResult> | null = null

const bench: PreviewBenchApi = {
  postBytes: post.length,
  /** Resolves when the first full render is in the preview. */
  async ready(): Promise<void> {
    while (previewOn && !document.querySelector('[data-testid="preview"] [data-source-line]')) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  },
  /** Puts the cursor at the end of the paragraph starting at `line` and returns that line. */
  placeCursorInParagraph(): number {
    if (emptyPage) {
      document.querySelector('textarea')?.focus()
      return 0
    }
    const view = editorView()
    const doc = view.state.doc
    const middle = doc.lineAt(Math.floor(doc.length / 2)).number
    for (let n = middle; n <= doc.lines; n++) {
      const line = doc.line(n)
      if (/^[A-Z][a-z]/.test(line.text) && line.text.length > 200) {
        view.dispatch({
          selection: { anchor: line.to },
          effects: EditorView.scrollIntoView(line.to, { y: 'center' }),
        })
        view.focus()
        return n
      }
    }
    throw new Error('no paragraph found')
  },
  /**
   * Arms the measurement for the next keystroke: its start is the timestamp of the keydown
   * that types the character (not of a modifier pressed with it);
   * "preview" ends when a DOM mutation makes the paragraph at `line` contain `expected`;
   * "frame" ends after the first animation frame following the keystroke has been painted.
   */
  expectKeystroke(line: number, expected: string): void {
    pending = new Promise<KeystrokeResult>((resolve) => {
      const root = previewOn ? previewRoot() : null
      const shows = () =>
        (!root ||
          root.querySelector(`[data-source-line="${line}"]`)?.textContent?.includes(expected)) ??
        false
      const onKeyDown = (event: KeyboardEvent): void => {
        // Shift+Q is two keydowns; the keystroke that types is the second one.
        if (MODIFIER_KEYS.has(event.key)) return
        window.removeEventListener('keydown', onKeyDown, { capture: true })
        const start = event.timeStamp
        const dispatchDelayMs = performance.now() - start
        let previewMs = root ? -1 : 0
        let frameMs = -1
        let frameStart = 0
        let frameCallbackAt = Infinity
        let previewAt = Infinity
        // The worker may be asked only after the frame (the page showed the edit itself).
        const finish = () =>
          previewMs >= 0 &&
          frameMs >= 0 &&
          (!root ? Promise.resolve() : workerAnswerAfter(start)).then(() =>
            resolve({
              previewMs,
              frameMs,
              toWorkerMs: workerTimeline.posted - start,
              toEditorChangeMs: editorTimeline.changed - start,
              editorChangeToPreviewMs: root ? previewAt - editorTimeline.changed : 0,
              workerMs: workerTimeline.answered - workerTimeline.posted,
              workerRenderMs: workerTimeline.renderMs,
              answeredBeforeFrame: workerTimeline.answered < frameStart,
              previewInFirstFrame: previewAt < frameCallbackAt,
              dispatchDelayMs,
            }),
          )
        requestAnimationFrame((frameTime) => {
          frameStart = frameTime
          frameCallbackAt = performance.now()
          const channel = new MessageChannel()
          channel.port1.onmessage = () => {
            frameMs = performance.now() - start
            finish()
          }
          channel.port2.postMessage(null)
        })
        const observer = new MutationObserver(() => {
          // The mutation was made before this callback; the query below is the bench's own cost.
          const observedAt = performance.now()
          if (!shows()) return
          previewAt = observedAt
          previewMs = previewAt - start
          observer.disconnect()
          finish()
        })
        if (root)
          observer.observe(root, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
          })
      }
      window.addEventListener('keydown', onKeyDown, { capture: true })
    })
  },
  async keystrokeResult(): Promise<KeystrokeResult> {
    if (!pending) throw new Error('expectKeystroke first')
    return pending
  },
  editorTopLine(): number {
    const view = editorView()
    const block = view.lineBlockAtHeight(
      view.scrollDOM.getBoundingClientRect().top - view.documentTop,
    )
    return view.state.doc.lineAt(block.from).number
  },
  previewTopLine(): number {
    return lineAtScrollTop(previewRoot())
  },
  naivePipelineOnlyMs(times: number): number[] {
    return timed(() => renderMarkdownToHast(post), times)
  },
  /**
   * What a preview without incremental rendering does on every keystroke: the whole post
   * through the pipeline, then the whole tree through React into the page (layout not
   * included). The root is rendered once first, so each run updates a mounted preview as a
   * naive preview would, instead of building its DOM from nothing.
   */
  naiveFullRenderMs(times: number): number[] {
    const container = document.createElement('div')
    container.className = 'markdown-preview'
    container.style.display = 'none'
    document.body.append(container)
    const root = createRoot(container)
    const renderAll = () =>
      flushSync(() =>
        root.render(
          <PreviewBlockView hast={renderMarkdownToHast(post)} startLine={1} elementLines={[]} />,
        ),
      )
    renderAll()
    const runs = timed(renderAll, times)
    root.unmount()
    container.remove()
    return runs
  },
  markdownItFullRenderMs(times: number): number[] {
    const markdownIt = new MarkdownIt({ linkify: true })
    return timed(() => markdownIt.render(post), times)
  },
}

window.inkpressBench = bench

const container = document.getElementById('root')
if (container) createRoot(container).render(<App />)
