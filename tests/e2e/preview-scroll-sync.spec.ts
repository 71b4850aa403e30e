import { expect, test, type Page } from '@playwright/test'
import '../bench/preview-page/bench-api'
import { startBenchPage, type BenchPage } from '../bench/preview-page/serve-page'

/**
 * The real MarkdownEditor and Preview, wired with useScrollSync, on a generated 100 KB post
 * (the bench page). Scrolling either pane brings the same source line to the top of the other.
 */
let benchPage: BenchPage

test.beforeAll(async () => {
  benchPage = await startBenchPage()
})

test.afterAll(async () => {
  await benchPage.close()
})

/** The longest block of the generated post (a table) spans 8 lines. */
const TOLERANCE_LINES = 8

async function topLines(page: Page): Promise<{ editor: number; preview: number }> {
  return page.evaluate(() => ({
    editor: window.inkpressBench.editorTopLine(),
    preview: window.inkpressBench.previewTopLine(),
  }))
}

test('scrolling the editor scrolls the preview to the same source line, and back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto(benchPage.url)
  await page.evaluate(() => window.inkpressBench.ready())

  await page.locator('.cm-scroller').hover()
  await page.mouse.wheel(0, 30_000)
  await expect.poll(async () => (await topLines(page)).editor).toBeGreaterThan(100)
  await expect
    .poll(async () => {
      const { editor, preview } = await topLines(page)
      return Math.abs(editor - preview)
    })
    .toBeLessThanOrEqual(TOLERANCE_LINES)
  const afterEditorScroll = await topLines(page)

  await page.getByTestId('preview').hover()
  await page.mouse.wheel(0, 30_000)
  await expect
    .poll(async () => (await topLines(page)).preview)
    .toBeGreaterThan(afterEditorScroll.preview + 100)
  await expect
    .poll(async () => {
      const { editor, preview } = await topLines(page)
      return Math.abs(editor - preview)
    })
    .toBeLessThanOrEqual(TOLERANCE_LINES)
})
