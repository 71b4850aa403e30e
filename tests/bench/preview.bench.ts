/**
 * Typing latency of the real editor and preview components in Chromium on a generated 100 KB
 * post, against the naive full render (same remark pipeline) and markdown-it, all in the page.
 * The bench page (preview-page/) is built with Vite into a temp dir and served on 127.0.0.1.
 *
 * Two frame figures: `editor.keystrokeToFrameMs` from a performance trace, without the idle
 * wait for the display's next refresh (see frame-trace.ts), and `editor.keystrokeToFrameAt60HzMs`
 * measured in the page, wait included, next to the same figure for a bare textarea.
 */
import { chromium, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { keystrokeFrames, type TraceEvent } from './frame-trace'
import './preview-page/bench-api'
import { startBenchPage, type BenchPage } from './preview-page/serve-page'

const KEYSTROKES = 80
const TRACED_KEYSTROKES = 100
const TYPING_INTERVAL_MS = 40
/**
 * A writer's keystrokes land anywhere in a 60 Hz refresh period; a fixed pause would keep them
 * at one spot of it. Spread them evenly over the period instead (deterministically).
 */
const REFRESH_PERIOD_MS = 1000 / 60
const phaseJitterMs = (keystroke: number) =>
  (keystroke * 0.618 * REFRESH_PERIOD_MS) % REFRESH_PERIOD_MS
const FULL_RENDER_RUNS = 5
const MARKDOWN_IT_RUNS = 20
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file))

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return Math.round((sorted[index] ?? NaN) * 100) / 100
}

function share(flags: number[]): number {
  return Math.round((flags.reduce((a, b) => a + b, 0) / flags.length) * 100) / 100
}

type Series =
  | 'preview'
  | 'frame'
  | 'toWorker'
  | 'worker'
  | 'workerRender'
  | 'beforeFrame'
  | 'inFirstFrame'
  | 'dispatchDelay'
  | 'toEditorChange'
  | 'editorChangeToPreview'

async function typeAndMeasure(
  page: Page,
  keystrokes = KEYSTROKES,
): Promise<Record<Series, number[]>> {
  const line = await page.evaluate(() => window.inkpressBench.placeCursorInParagraph())
  const preview: number[] = []
  const frame: number[] = []
  const toWorker: number[] = []
  const worker: number[] = []
  const workerRender: number[] = []
  const beforeFrame: number[] = []
  const inFirstFrame: number[] = []
  const dispatchDelay: number[] = []
  const toEditorChange: number[] = []
  const editorChangeToPreview: number[] = []
  for (let typed = 1; typed <= keystrokes; typed++) {
    await page.evaluate(([l, expected]) => window.inkpressBench.expectKeystroke(l, expected), [
      line,
      'Q'.repeat(typed),
    ] as const)
    await page.keyboard.press('Shift+KeyQ')
    const result = await page.evaluate(() => window.inkpressBench.keystrokeResult())
    preview.push(result.previewMs)
    frame.push(result.frameMs)
    toWorker.push(result.toWorkerMs)
    worker.push(result.workerMs)
    workerRender.push(result.workerRenderMs)
    beforeFrame.push(result.answeredBeforeFrame ? 1 : 0)
    inFirstFrame.push(result.previewInFirstFrame ? 1 : 0)
    dispatchDelay.push(result.dispatchDelayMs)
    toEditorChange.push(result.toEditorChangeMs)
    editorChangeToPreview.push(result.editorChangeToPreviewMs)
    await page.waitForTimeout(TYPING_INTERVAL_MS + phaseJitterMs(typed))
  }
  return {
    preview,
    frame,
    toWorker,
    worker,
    workerRender,
    beforeFrame,
    inFirstFrame,
    dispatchDelay,
    toEditorChange,
    editorChangeToPreview,
  }
}

/**
 * Types again with Chromium tracing on and returns, per keystroke, the time from the key
 * event to the end of the frame that painted it, without the idle wait for the next refresh.
 * Tracing slows the page a little, so this errs on the slow side.
 */
async function tracedKeystrokeToFrame(page: Page): Promise<number[]> {
  const browser = page.context().browser()
  if (!browser) throw new Error('no browser to trace')
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  })
  const typed = await typeAndMeasure(page, TRACED_KEYSTROKES)
  const trace = await browser.stopTracing()
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  const frames = keystrokeFrames(traceEvents)
  if (frames.length !== TRACED_KEYSTROKES)
    throw new Error(`The trace shows ${frames.length} keystrokes, ${TRACED_KEYSTROKES} typed`)
  return frames.map(
    (frame, index) => (typed.dispatchDelay[index] ?? 0) + frame.toFrameEndMs - frame.idleWaitMs,
  )
}

export default async function (): Promise<Record<string, unknown>> {
  if (!CHROMIUM) throw new Error('Chromium is missing: apt-get install -y chromium')
  let benchPage: BenchPage | undefined
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    benchPage = await startBenchPage()
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    const open = async (query: string) => {
      await page.goto(`${benchPage?.url ?? ''}${query}`)
      await page.evaluate(() => window.inkpressBench.ready())
    }
    await open('')
    const postBytes = await page.evaluate(() => window.inkpressBench.postBytes)
    // Warm up JIT and caches with a few keystrokes that are not counted.
    await typeAndMeasure(page).then(
      () => undefined,
      () => undefined,
    )
    const typed = await typeAndMeasure(page)
    const toFrame = await tracedKeystrokeToFrame(page)
    await open('?nopreview')
    const editorAlone = await typeAndMeasure(page)
    await open('?empty')
    const emptyPage = await typeAndMeasure(page)
    const naive = await page.evaluate(
      (runs) => window.inkpressBench.naiveFullRenderMs(runs),
      FULL_RENDER_RUNS,
    )
    const pipelineOnly = await page.evaluate(
      (runs) => window.inkpressBench.naivePipelineOnlyMs(runs),
      FULL_RENDER_RUNS,
    )
    const markdownIt = await page.evaluate(
      (runs) => window.inkpressBench.markdownItFullRenderMs(runs),
      MARKDOWN_IT_RUNS,
    )
    if (errors.length > 0) throw new Error(`Bench page failed: ${errors.join('; ')}`)
    const { preview, frame, toWorker, worker, workerRender, beforeFrame, inFirstFrame } = typed
    // BENCH_RAW=1: every sample on stderr, to see whether a p95 is a trend or a few stalls.
    if (process.env.BENCH_RAW) {
      const sorted = (values: number[]) => [...values].sort((a, b) => a - b).map(Math.round)
      process.stderr.write(
        `preview ms: ${sorted(preview).join(' ')}\nframe (trace) ms: ${sorted(toFrame).join(' ')}\n` +
          `frame (60 Hz) ms: ${sorted(frame).join(' ')}\n`,
      )
    }
    const keystrokeP95 = percentile(preview, 95)
    const p50p99 = (values: number[]) => ({
      p50: percentile(values, 50),
      p99: percentile(values, 99),
    })
    const p50p95 = (values: number[]) => ({
      p50: percentile(values, 50),
      p95: percentile(values, 95),
    })
    return {
      'preview.postBytes': postBytes,
      'preview.keystrokeToPreviewMs': p50p95(preview),
      // The keystroke figure is the browser and CodeMirror (up to the editor's change) plus the
      // preview's own share; the editor alone is measured the same way without any preview.
      'editor.keystrokeToChangeMs': p50p95(typed.toEditorChange),
      'editor.keystrokeToChangeMsWithoutPreview': p50p95(editorAlone.toEditorChange),
      'preview.editorChangeToPreviewMs': p50p95(typed.editorChangeToPreview),
      'editor.keystrokeToFrameMs': p50p99(toFrame),
      'editor.keystrokeToFrameAt60HzMs': p50p99(frame),
      'editor.keystrokeToFrameAt60HzMsWithoutPreview': p50p99(editorAlone.frame),
      'editor.emptyPageKeystrokeToFrameAt60HzMs': p50p99(emptyPage.frame),
      'preview.keystrokeToWorkerMs': p50p95(toWorker),
      'preview.workerRoundTripMs': p50p95(worker),
      'preview.workerRenderMs': p50p95(workerRender),
      'preview.answeredBeforeFrameShare': share(beforeFrame),
      'preview.shownInFirstFrameShare': share(inFirstFrame),
      'preview.naiveFullRenderMs': { p50: percentile(naive, 50) },
      'preview.naivePipelineOnlyMs': { p50: percentile(pipelineOnly, 50) },
      'preview.markdownItFullRenderMs': { p50: percentile(markdownIt, 50) },
      'preview.speedupVsNaive': Math.round((percentile(naive, 50) / keystrokeP95) * 10) / 10,
      'preview.speedupVsMarkdownIt':
        Math.round((percentile(markdownIt, 50) / keystrokeP95) * 10) / 10,
    }
  } finally {
    await browser.close()
    await benchPage?.close()
  }
}
