import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, openPostInApp, test } from '../support/app'

/*
 * A title, file name or commit message with bidirectional override characters ("Trojan
 * Source") is shown with each control named, in the post list and in History, in Chromium.
 */
const RLO = '\u202E'
const POST = `content/posts/invoice-${RLO}dm.exe.md`

test('bidi controls in titles, file names and commit messages are shown by name', async ({
  app,
}) => {
  const { page, repo } = app
  await writeFile(
    path.join(repo.dir, POST),
    `---\ntitle: "Quarterly ${RLO}gpj.exe report"\n---\n\nBody.\n`,
  )
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, stdio: 'pipe' })
  git('add', '-A')
  git('commit', '-q', '-m', `Add the ${RLO}fdp.exe report`)

  const item = page.locator(`[data-testid="post-item"][data-path="${POST}"]`)
  await expect(item).toContainText('Quarterly ⟦RLO⟧gpj.exe report')
  await expect(item).toContainText('invoice-⟦RLO⟧dm.exe.md')
  expect(await item.innerText()).not.toContain(RLO)

  await openPostInApp(page, POST)
  await page.getByRole('button', { name: 'History' }).click()
  const entry = page.getByTestId('history-entry').first()
  await expect(entry).toContainText('Add the ⟦RLO⟧fdp.exe report')
  expect(await entry.innerText()).not.toContain(RLO)
})
