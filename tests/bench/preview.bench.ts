/**
 * Typing latency of the real editor and preview components in Chromium on a generated 100 KB
 * post, against the naive full render (same remark pipeline) and markdown-it, all in the page.
 * The bench page (preview-page/) is built with Vite into a temp dir and served on 127.0.0.1.
 */
import { chromium, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import './preview-page/bench-api'
import { startBenchPage, type BenchPage } from './preview-page/serve-page'

const KEYSTROKES = 80
const TYPING_INTERVAL_MS = 40
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

async function typeAndMeasure(
  page: Page,
): Promise<
  Record<
    'preview' | 'frame' | 'toWorker' | 'worker' | 'workerRender' | 'beforeFrame' | 'inFirstFrame',
    number[]
  >
> {
  const line = await page.evaluate(() => window.inkpressBench.placeCursorInParagraph())
  const preview: number[] = []
  const frame: number[] = []
  const toWorker: number[] = []
  const worker: number[] = []
  const workerRender: number[] = []
  const beforeFrame: number[] = []
  const inFirstFrame: number[] = []
  for (let typed = 1; typed <= KEYSTROKES; typed++) {
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
    await page.waitForTimeout(TYPING_INTERVAL_MS)
  }
  return { preview, frame, toWorker, worker, workerRender, beforeFrame, inFirstFrame }
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
    await page.goto(benchPage.url)
    await page.evaluate(() => window.inkpressBench.ready())
    const postBytes = await page.evaluate(() => window.inkpressBench.postBytes)
    // Warm up JIT and caches with a few keystrokes that are not counted.
    await typeAndMeasure(page).then(
      () => undefined,
      () => undefined,
    )
    const { preview, frame, toWorker, worker, workerRender, beforeFrame, inFirstFrame } =
      await typeAndMeasure(page)
    await page.goto(`${benchPage.url}?nopreview`)
    await page.evaluate(() => window.inkpressBench.ready())
    const editorAlone = await typeAndMeasure(page)
    const naive = await page.evaluate(
      (runs) => window.inkpressBench.naiveFullRenderMs(runs),
      FULL_RENDER_RUNS,
    )
    const markdownIt = await page.evaluate(
      (runs) => window.inkpressBench.markdownItFullRenderMs(runs),
      MARKDOWN_IT_RUNS,
    )
    if (errors.length > 0) throw new Error(`Bench page failed: ${errors.join('; ')}`)
    // BENCH_RAW=1: every sample on stderr, to see whether a p95 is a trend or a few stalls.
    if (process.env.BENCH_RAW) {
      const sorted = (values: number[]) => [...values].sort((a, b) => a - b).map(Math.round)
      process.stderr.write(
        `preview ms: ${sorted(preview).join(' ')}\nframe ms: ${sorted(frame).join(' ')}\n`,
      )
    }
    const keystrokeP95 = percentile(preview, 95)
    return {
      'preview.postBytes': postBytes,
      'preview.keystrokeToPreviewMs': { p50: percentile(preview, 50), p95: keystrokeP95 },
      'editor.keystrokeToFrameMs': { p50: percentile(frame, 50), p99: percentile(frame, 99) },
      'preview.keystrokeToWorkerMs': {
        p50: percentile(toWorker, 50),
        p95: percentile(toWorker, 95),
      },
      'preview.workerRoundTripMs': { p50: percentile(worker, 50), p95: percentile(worker, 95) },
      'preview.workerRenderMs': {
        p50: percentile(workerRender, 50),
        p95: percentile(workerRender, 95),
      },
      'preview.answeredBeforeFrameShare': share(beforeFrame),
      'preview.shownInFirstFrameShare': share(inFirstFrame),
      'editor.keystrokeToFrameMsWithoutPreview': {
        p50: percentile(editorAlone.frame, 50),
        p99: percentile(editorAlone.frame, 99),
      },
      'preview.naiveFullRenderMs': { p50: percentile(naive, 50) },
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
