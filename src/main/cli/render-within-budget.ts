import { Worker } from 'node:worker_threads'
import { toHtml } from 'hast-util-to-html'
import { renderMarkdownToHtml } from '../../shared/markdown/pipeline'
import {
  fallbackHast,
  RENDER_BUDGET_MS,
  TOO_SLOW_TO_RENDER_NOTE,
} from '../../shared/markdown/render-guard'

/** The message a render worker receives in `workerData`. */
export interface RenderWorkerData {
  inkpressRender: string
}

export const isRenderWorkerData = (data: unknown): data is RenderWorkerData =>
  typeof (data as RenderWorkerData | null)?.inkpressRender === 'string'

/**
 * `inkpress render` with the preview's budget: the render runs in a worker thread (the CLI's
 * own entry, which `bin/inkpress.js` names in INKPRESS_CLI_ENTRY) and is stopped past
 * RENDER_BUDGET_MS, a synchronous parse being impossible to interrupt from inside; the post is
 * then printed as written under a note. Without the entry (the CLI called in-process, as in
 * unit tests) it renders directly.
 */
export async function renderWithinBudget(text: string): Promise<string> {
  const entry = process.env.INKPRESS_CLI_ENTRY
  if (!entry) return renderMarkdownToHtml(text)
  const worker = new Worker(entry, {
    workerData: { inkpressRender: text } satisfies RenderWorkerData,
    stdout: true,
    stderr: true,
  })
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => resolve(toHtml(fallbackHast(text, TOO_SLOW_TO_RENDER_NOTE))),
        RENDER_BUDGET_MS,
      )
      worker.once('message', (html: string) => {
        clearTimeout(timer)
        resolve(html)
      })
      worker.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
    })
  } finally {
    await worker.terminate()
  }
}
