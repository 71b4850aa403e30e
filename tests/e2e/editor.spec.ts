import type { Page } from '@playwright/test'
import { expect, openPostInApp, test } from './support/app'

const POST = 'content/posts/first-post.md'

/** Opens the post with the cursor on a fresh paragraph at its end. */
async function startNewParagraph(page: Page): Promise<void> {
  await openPostInApp(page, POST)
  await expect(page.getByTestId('preview')).toContainText('Hello from the first post.')
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n\n')
}

/** The editor's text, read from CodeMirror's own state through its DOM. */
async function editorText(page: Page): Promise<string> {
  return page
    .locator('.cm-content')
    .evaluate((element) =>
      Array.from(element.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n'),
    )
}

test('formatting shortcuts change the Markdown and the preview follows', async ({ app }) => {
  const { page } = app
  await startNewParagraph(page)
  const preview = page.getByTestId('preview')

  await page.keyboard.type('bold')
  await page.keyboard.press('Shift+Control+ArrowLeft')
  await page.keyboard.press('Control+b')
  await expect(preview.locator('strong', { hasText: 'bold' })).toBeVisible()

  await page.keyboard.press('End')
  await page.keyboard.type(' ')
  await page.keyboard.press('Control+i')
  await page.keyboard.type('slanted')
  await expect(preview.locator('em', { hasText: 'slanted' })).toBeVisible()

  await page.keyboard.press('End')
  await page.keyboard.type(' ')
  await page.keyboard.press('Control+e')
  await page.keyboard.type('npm test')
  await expect(preview.locator('code', { hasText: 'npm test' })).toBeVisible()

  await page.keyboard.press('End')
  await page.keyboard.type(' docs')
  await page.keyboard.press('Shift+Control+ArrowLeft')
  await page.keyboard.press('Control+k')
  await page.keyboard.type('https://example.com/docs')
  await expect(
    preview.locator('a[href="https://example.com/docs"]', { hasText: 'docs' }),
  ).toBeVisible()

  await page.keyboard.press('Control+2')
  await expect(preview.locator('h2[id^="user-content-bold"]')).toBeVisible()
  expect(await editorText(page)).toContain(
    '## **bold** *slanted* `npm test` [docs](https://example.com/docs)',
  )

  await page.keyboard.press('Control+2')
  expect(await editorText(page)).toContain('\n**bold** *slanted*')
})

test('lists continue on Enter and tasks, tables, math and footnotes render', async ({ app }) => {
  const { page } = app
  await startNewParagraph(page)
  const preview = page.getByTestId('preview')

  await page.keyboard.type('- [ ] first task')
  await page.keyboard.press('Enter')
  await page.keyboard.type('second task')
  expect(await editorText(page)).toContain('- [ ] first task\n- [ ] second task')
  await expect(preview.locator('li.task-list-item')).toHaveCount(2)

  // Enter on an empty item ends the list instead of continuing it.
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  expect(await editorText(page)).toMatch(/- \[ \] second task\n$/)
  // Multi-line content arrives as one insertion, the way a paste does.
  await page.keyboard.insertText(
    '\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEnergy $E=mc^2$ noted[^n].\n\n[^n]: A footnote.\n',
  )
  await expect(preview.locator('table td', { hasText: '2' })).toBeVisible()
  await expect(preview.locator('.katex')).toBeVisible()
  await expect(preview.locator('section.footnotes li')).toContainText('A footnote.')
  await expect(preview.locator('a[data-footnote-ref]')).toHaveAttribute(
    'href',
    '#user-content-fn-n',
  )
})

test('preview blocks carry their source lines, and links never navigate the app', async ({
  app,
}) => {
  const { page } = app
  await startNewParagraph(page)
  const preview = page.getByTestId('preview')
  await page.keyboard.type('Jump to [the section](#a-section).')

  const heading = preview.locator('h2', { hasText: 'A section' })
  await expect(heading).toHaveAttribute('id', 'user-content-a-section')
  const headingLine = Number(await heading.getAttribute('data-source-line'))
  const lines = (await editorText(page)).split('\n')
  expect(lines[headingLine - 1]).toBe('## A section')

  const url = page.url()
  await preview.locator('a', { hasText: 'the section' }).click()
  await preview.locator('a', { hasText: 'link' }).click()
  expect(page.url()).toBe(url)
})

test('the status bar counts words and reading time', async ({ app }) => {
  const { page } = app
  await startNewParagraph(page)
  const before = Number((await page.getByTestId('word-count').textContent())?.split(' ')[0])
  await page.keyboard.type('one two three')
  await expect(page.getByTestId('word-count')).toHaveText(`${before + 3} words`)
  await expect(page.getByTestId('reading-time')).toHaveText('1 min read')
})
