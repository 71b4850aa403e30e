import { IncrementalMarkdownRenderer } from '../../shared/markdown/incremental'
import { fallbackHast, RENDER_BUDGET_MS, TOO_SLOW_NOTE } from '../../shared/markdown/render-guard'
import {
  EMPTY_DOCUMENT,
  decodeResponse,
  renderDocument,
  renderRequest,
  type PreviewDocument,
  type RenderResponse,
} from './preview-protocol'

export interface RenderChannel {
  /**
   * Ask for `text` to be rendered; only the latest request still waiting is kept. `afterPaint`:
   * the page already shows `text` (see `local-edit.ts`), so the worker may start once the
   * keystroke's frame is painted instead of competing with it for the CPU.
   */
  request(text: string, afterPaint?: boolean): void
  dispose(): void
}

/** Longest wait for a frame (none come while the window is hidden). */
const PAINT_WAIT_LIMIT_MS = 100

/** Runs `callback` once, in a task after the next frame is painted. */
function afterNextPaint(callback: () => void): () => void {
  let done = false
  const run = () => {
    if (done) return
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
    callback()
  }
  const frame = requestAnimationFrame(() => setTimeout(run, 0))
  const timer = setTimeout(run, PAINT_WAIT_LIMIT_MS)
  return () => {
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

type Listener = (document: PreviewDocument) => void

/**
 * What the preview shows for a post too slow to render: the note alone (the editor beside it
 * shows the text), one unchanging block, so a keystroke in such a post costs the page nothing.
 */
const TOO_SLOW_BLOCK = {
  key: 'too-slow',
  startLine: 1,
  elementLines: [1],
  hast: { type: 'root', children: fallbackHast('', TOO_SLOW_NOTE).children.slice(0, 1) },
  isolated: true,
} satisfies PreviewDocument['blocks'][number]

function tooSlowDocument(text: string, version: number): PreviewDocument {
  return { version, text, blocks: [TOO_SLOW_BLOCK], footer: null, context: EMPTY_DOCUMENT.context }
}

/**
 * Rendering in a Web Worker: at most one request is in flight, and while it runs only the
 * newest text waits, so a burst of keystrokes costs one render, never a queue. A render that
 * outlasts RENDER_BUDGET_MS is stopped by terminating the worker (a render cannot be
 * interrupted from inside); a fresh worker takes over, and the post is shown as written until
 * it shrinks well below the size that was too slow.
 */
class WorkerChannel implements RenderChannel {
  private worker: Worker
  /** The text the worker is rendering, or null when it is idle. */
  private inFlight: string | null = null
  /** The text the worker holds once it has read every request sent. */
  private sent: string | null = null
  private pending: string | null = null
  private cancelDeferred: (() => void) | null = null
  private watchdog: ReturnType<typeof setTimeout> | null = null
  /** Length of a text that could not be rendered in time. */
  private tooSlowLength: number | null = null
  private version = 0
  private document = EMPTY_DOCUMENT

  constructor(
    private readonly createWorker: () => Worker,
    private readonly listener: Listener,
    private readonly onFailure: (lastText: string | null) => void,
  ) {
    this.worker = this.start()
  }

  private start(): Worker {
    const worker = this.createWorker()
    worker.onmessage = (event: MessageEvent<RenderResponse>) => {
      this.stopWatchdog()
      this.document = decodeResponse(this.document, event.data, this.inFlight ?? '')
      this.inFlight = null
      this.listener(this.document)
      this.flush()
    }
    worker.onerror = (event) => {
      event.preventDefault()
      console.error(
        `Preview worker failed, rendering on the main thread from now on: ${event.message}`,
      )
      this.dispose()
      this.onFailure(this.lastText)
    }
    return worker
  }

  private lastText: string | null = null

  request(text: string, afterPaint = false): void {
    this.pending = text
    this.lastText = text
    if (!afterPaint) {
      this.cancelDeferred?.()
      this.cancelDeferred = null
      this.flush()
      return
    }
    this.cancelDeferred ??= afterNextPaint(() => {
      this.cancelDeferred = null
      this.flush()
    })
  }

  private flush(): void {
    if (this.inFlight !== null || this.pending === null) return
    const text = this.pending
    this.pending = null
    if (this.tooSlowLength !== null && text.length >= this.tooSlowLength * 0.8) {
      this.listener(tooSlowDocument(text, ++this.version))
      return
    }
    this.tooSlowLength = null
    this.worker.postMessage(renderRequest(++this.version, this.sent, text))
    this.inFlight = text
    this.sent = text
    this.watchdog = setTimeout(() => this.overBudget(), RENDER_BUDGET_MS)
  }

  private overBudget(): void {
    this.watchdog = null
    const text = this.inFlight ?? ''
    this.worker.onmessage = null
    this.worker.onerror = null
    this.worker.terminate()
    this.worker = this.start()
    // The new worker holds nothing yet and knows none of the blocks the page has.
    this.sent = null
    this.inFlight = null
    this.tooSlowLength = text.length
    this.document = tooSlowDocument(text, ++this.version)
    this.listener(this.document)
    this.document = EMPTY_DOCUMENT
    this.flush()
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearTimeout(this.watchdog)
    this.watchdog = null
  }

  dispose(): void {
    this.cancelDeferred?.()
    this.stopWatchdog()
    this.worker.onmessage = null
    this.worker.onerror = null
    this.worker.terminate()
  }
}

/** Fallback without Worker support: same renderer on this thread, after the keystroke's task. */
class SameThreadChannel implements RenderChannel {
  private renderer = new IncrementalMarkdownRenderer()
  private pending: string | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private version = 0

  constructor(private readonly listener: Listener) {}

  request(text: string): void {
    this.pending = text
    this.timer ??= setTimeout(() => {
      this.timer = null
      const latest = this.pending
      this.pending = null
      if (latest !== null) this.listener(renderDocument(this.renderer, latest, ++this.version))
    }, 0)
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

export function openRenderChannel(listener: Listener): RenderChannel {
  let fallback: RenderChannel | null = null
  const fallBack = (lastText: string | null): void => {
    fallback = new SameThreadChannel(listener)
    if (lastText !== null) fallback.request(lastText)
  }
  if (typeof Worker !== 'function') return new SameThreadChannel(listener)
  let channel: RenderChannel
  try {
    const createWorker = () =>
      new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' })
    channel = new WorkerChannel(createWorker, listener, fallBack)
  } catch {
    return new SameThreadChannel(listener)
  }
  return {
    request: (text, afterPaint) => (fallback ?? channel).request(text, afterPaint),
    dispose: () => (fallback ?? channel).dispose(),
  }
}
