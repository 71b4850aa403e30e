/**
 * Typing latency of the real editor and preview components in Chromium on a generated 100 KB
 * post, against the naive full render (same remark pipeline) and markdown-it, all in the page.
 * The bench page (preview-page/) is built with Vite into a temp dir and served on 127.0.0.1.
 */
import { chromium, type Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build, defaultClientConditions } from 'vite'
import './preview-page/bench-api'

const KEYSTROKES = 80
const TYPING_INTERVAL_MS = 40
const FULL_RENDER_RUNS = 5
const MARKDOWN_IT_RUNS = 20
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file))

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

async function buildPage(outDir: string): Promise<void> {
  await build({
    root: path.join(import.meta.dirname, 'preview-page'),
    base: './',
    logLevel: 'error',
    plugins: [react()],
    // Prefer packages' `worker` builds: their `browser` builds (decode-named-character-reference)
    // touch `document`, which the preview's Web Worker does not have.
    resolve: { conditions: ['worker', ...defaultClientConditions] },
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, minify: true, reportCompressedSize: false },
  })
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname)
    if (!file.startsWith(dir)) return void response.writeHead(403).end()
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          })
          .end(body),
      () => response.writeHead(404).end(),
    )
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({ server, url: `http://127.0.0.1:${port}/` })
    })
  })
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return Math.round((sorted[index] ?? NaN) * 100) / 100
}

async function typeAndMeasure(
  page: Page,
): Promise<Record<'preview' | 'frame' | 'toWorker' | 'worker' | 'workerRender', number[]>> {
  const line = await page.evaluate(() => window.inkpressBench.placeCursorInParagraph())
  const preview: number[] = []
  const frame: number[] = []
  const toWorker: number[] = []
  const worker: number[] = []
  const workerRender: number[] = []
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
    await page.waitForTimeout(TYPING_INTERVAL_MS)
  }
  return { preview, frame, toWorker, worker, workerRender }
}

export default async function (): Promise<Record<string, unknown>> {
  if (!CHROMIUM) throw new Error('Chromium is missing: apt-get install -y chromium')
  const outDir = await mkdtemp(path.join(tmpdir(), 'inkpress-preview-bench-'))
  let server: Server | undefined
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
    await buildPage(outDir)
    const served = await serve(outDir)
    server = served.server
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(served.url)
    await page.evaluate(() => window.inkpressBench.ready())
    const postBytes = await page.evaluate(() => window.inkpressBench.postBytes)
    // Warm up JIT and caches with a few keystrokes that are not counted.
    await typeAndMeasure(page).then(
      () => undefined,
      () => undefined,
    )
    const { preview, frame, toWorker, worker, workerRender } = await typeAndMeasure(page)
    const naive = await page.evaluate(
      (runs) => window.inkpressBench.naiveFullRenderMs(runs),
      FULL_RENDER_RUNS,
    )
    const markdownIt = await page.evaluate(
      (runs) => window.inkpressBench.markdownItFullRenderMs(runs),
      MARKDOWN_IT_RUNS,
    )
    if (errors.length > 0) throw new Error(`Bench page failed: ${errors.join('; ')}`)
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
      'preview.naiveFullRenderMs': { p50: percentile(naive, 50) },
      'preview.markdownItFullRenderMs': { p50: percentile(markdownIt, 50) },
      'preview.speedupVsNaive': Math.round((percentile(naive, 50) / keystrokeP95) * 10) / 10,
      'preview.speedupVsMarkdownIt':
        Math.round((percentile(markdownIt, 50) / keystrokeP95) * 10) / 10,
    }
  } finally {
    await browser.close()
    server?.close()
    await rm(outDir, { recursive: true, force: true })
  }
}
