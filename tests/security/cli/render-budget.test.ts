/**
 * `inkpress render` keeps the preview's render budget: the built command (`bin/inkpress.js`, as
 * a writer runs it) answers a post built to be slow within the budget, printing it as written
 * under a note, and renders an ordinary post exactly as the pipeline does. Needs `npm run build`
 * (which `npm test` runs first).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderMarkdownToHtml } from '../../../src/shared/markdown/pipeline'
import {
  RENDER_BUDGET_MS,
  TOO_SLOW_TO_RENDER_NOTE,
} from '../../../src/shared/markdown/render-guard'

const execFileAsync = promisify(execFile)
const BIN = path.resolve('bin/inkpress.js')
const BUILT = path.resolve('out/main/cli.js')

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkpress-render-budget-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function render(name: string, text: string) {
  const file = path.join(dir, name)
  await writeFile(file, text)
  const started = performance.now()
  const { stdout } = await execFileAsync(process.execPath, [BIN, 'render', file], {
    maxBuffer: 64 * 1024 * 1024,
  })
  return { stdout, ms: performance.now() - started }
}

describe.runIf(existsSync(BUILT))('inkpress render within the budget', () => {
  it('prints a post too slow to render as written, under a note, within the budget', async () => {
    const heavy = Array.from({ length: 43_000 }, (_, i) => `[link ${i}](https://e.x/${i})`).join(
      '\n\n',
    )
    const { stdout, ms } = await render('heavy.md', heavy)
    expect(stdout).toContain(TOO_SLOW_TO_RENDER_NOTE)
    expect(stdout).toContain('<pre class="render-fallback"><code>[link 0](https://e.x/0)')
    // The budget, plus starting Node twice (the command and its render thread).
    expect(ms).toBeLessThan(RENDER_BUDGET_MS + 4_000)
  }, 30_000)

  it('renders an ordinary post exactly as the pipeline does', async () => {
    const text = '# Hello\n\nA *post* with [a link](https://example.org) and $x^2$.\n'
    const { stdout } = await render('ok.md', text)
    expect(stdout.trimEnd()).toBe(renderMarkdownToHtml(text).trimEnd())
  }, 30_000)
})
