/**
 * Builds the bench page (MarkdownEditor + Preview on a generated 100 KB post) with Vite into a
 * temp dir and serves it on 127.0.0.1. Used by the preview bench and the scroll-sync e2e test.
 */
import react from '@vitejs/plugin-react'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build, defaultClientConditions } from 'vite'

export interface BenchPage {
  url: string
  close(): Promise<void>
}

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
    root: import.meta.dirname,
    base: './',
    logLevel: 'error',
    plugins: [react()],
    // Prefer packages' `worker` builds: their `browser` builds (decode-named-character-reference)
    // touch `document`, which the preview's Web Worker does not have.
    resolve: { conditions: ['worker', ...defaultClientConditions] },
    worker: { format: 'es' },
    // BENCH_NO_MINIFY=1 keeps function names readable in a profile of the page.
    build: {
      outDir,
      emptyOutDir: true,
      minify: !process.env.BENCH_NO_MINIFY,
      reportCompressedSize: false,
    },
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

export async function startBenchPage(): Promise<BenchPage> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'inkpress-preview-page-'))
  try {
    await buildPage(outDir)
    const { server, url } = await serve(outDir)
    return {
      url,
      async close() {
        await new Promise((resolve) => server.close(resolve))
        await rm(outDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await rm(outDir, { recursive: true, force: true })
    throw error
  }
}
