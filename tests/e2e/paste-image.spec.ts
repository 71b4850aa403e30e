import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { solidPng } from '../support/png'
import { expect, openPostInApp, test } from './support/app'

test('pasting an image stores it in the site and shows it in the preview', async ({ app }) => {
  const { page, repo } = app
  await openPostInApp(page, 'content/posts/first-post.md')
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n\n')

  const png = solidPng(8, 6, [20, 120, 220])
  await page.evaluate(
    (bytes) => {
      const transfer = new DataTransfer()
      transfer.items.add(
        new File([new Uint8Array(bytes)], 'Screen Shot.png', { type: 'image/png' }),
      )
      const target = document.querySelector('.cm-content')!
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      )
    },
    [...png],
  )

  await expect(page.locator('.cm-content')).toContainText('![Screen Shot](/images/screen-shot.png)')
  expect(await readFile(path.join(repo.dir, 'static/images/screen-shot.png'))).toEqual(png)
  const image = page.getByTestId('preview').locator('img[alt="Screen Shot"]')
  await expect(image).toBeVisible()
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBe(8)
})
