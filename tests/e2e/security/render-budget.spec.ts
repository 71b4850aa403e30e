import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FORMULA_TOO_LARGE } from '../../../src/shared/markdown/rehype-math'
import { TOO_SLOW_NOTE } from '../../../src/shared/markdown/render-guard'
import { E2E_BLOG_FIXTURE, expect, openPostInApp, test as appTest } from '../support/app'

/*
 * Small and large posts built to be expensive, in the real preview in Chromium: each is
 * answered within the render budget (the worker is stopped and restarted past it, the post
 * shown as written), the editor keeps taking keystrokes, and the preview comes back once the
 * post is ordinary again.
 */
const chain = (() => {
  const c = 'x'.repeat(30)
  return `$$\\def\\c{${c}}\\def\\b{${'\\c'.repeat(30)}}\\def\\a{${'\\b'.repeat(30)}}\\a$$`
})()
const POSTS: Record<string, string> = {
  'content/posts/heavy-links.md': Array.from(
    { length: 43_000 },
    (_, i) => `[link ${i}](https://example.org/${i})`,
  ).join('\n\n'),
  'content/posts/heavy-formula.md': `Before.\n\n${chain}\n\nAfter the formula.`,
  'content/posts/heavy-inline-math.md': '$x$ '.repeat(25_000),
  'content/posts/heavy-array.md': `$$\\begin{array}{cc}${'a & b \\\\ '.repeat(1000)}\\end{array}$$\n\nAfter the array.`,
}
const fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'inkpress-heavy-fixture-'))
cpSync(E2E_BLOG_FIXTURE, fixtureDir, { recursive: true })
for (const [post, body] of Object.entries(POSTS)) {
  writeFileSync(path.join(fixtureDir, post), `---\ntitle: Heavy\n---\n\n${body}\n`)
}

const test = appTest.extend({ fixtureDir })

test.afterAll(() => {
  rmSync(fixtureDir, { recursive: true, force: true })
})

test('a post too slow to render is stopped within the budget, the editor stays live, the preview comes back', async ({
  app,
}) => {
  test.setTimeout(90_000)
  const { page } = app
  const preview = page.getByTestId('preview')
  await openPostInApp(page, 'content/posts/heavy-links.md')
  await expect(preview).toContainText(TOO_SLOW_NOTE, { timeout: 8_000 })

  // Typing goes on while the worker is stopped and restarted.
  const editor = page.locator('.cm-content')
  await editor.click()
  await page.keyboard.press('Control+Home')
  const started = Date.now()
  await page.keyboard.type('Typed while heavy. ')
  await expect(editor).toContainText('Typed while heavy.', { timeout: 2_000 })
  expect(Date.now() - started).toBeLessThan(2_000)
  await expect(preview).toContainText(TOO_SLOW_NOTE)

  // An ordinary post again: rendered again.
  await page.keyboard.press('Control+a')
  await page.keyboard.type('# Small again\n\nA short post.')
  await expect(preview.getByRole('heading', { name: 'Small again' })).toBeVisible({
    timeout: 8_000,
  })
  await expect(preview).not.toContainText(TOO_SLOW_NOTE)
})

test('a formula whose output explodes is shown as its source; a flood of formulas is bounded', async ({
  app,
}) => {
  test.setTimeout(60_000)
  const { page } = app
  const preview = page.getByTestId('preview')
  await openPostInApp(page, 'content/posts/heavy-formula.md')
  // Either the formula is shown as its source, or (on a slow machine) the whole post is
  // stopped by the budget; never KaTeX's 300 KB of output.
  await expect
    .poll(
      async () =>
        (await preview.locator(`code.math-too-large[title="${FORMULA_TOO_LARGE}"]`).count()) ===
          1 || (await preview.innerText()).includes(TOO_SLOW_NOTE),
      { timeout: 6_000 },
    )
    .toBe(true)
  expect(await preview.locator('.katex').count()).toBe(0)

  // A 1,000-row array: rendered, or shown as its source, promptly.
  await openPostInApp(page, 'content/posts/heavy-array.md')
  await expect
    .poll(
      async () => {
        const shown = await preview.innerText()
        return shown.includes('After the array.') || shown.includes(TOO_SLOW_NOTE)
      },
      { timeout: 6_000 },
    )
    .toBe(true)

  await openPostInApp(page, 'content/posts/heavy-inline-math.md')
  await expect
    .poll(
      async () =>
        (await preview.innerText()).includes(TOO_SLOW_NOTE) ||
        (await preview.locator('.katex').count()) > 0,
      { timeout: 8_000 },
    )
    .toBe(true)
})
