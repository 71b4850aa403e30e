import type { Page } from '@playwright/test'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from './support/app'

const FIRST = 'content/posts/first-post.md'
const SECOND = 'content/posts/second-post.md'
const FIRST_EXCERPT = 'Hello from the first post. A section Some more text with a link. ...'
const SECOND_EXCERPT = 'The second post says something else. ...'

const library = (page: Page) => page.getByRole('main', { name: 'Library' })
const card = (page: Page, title: string) => library(page).getByRole('article', { name: title })
const excerptCard = (page: Page) => page.getByTestId('excerpt-card')

/** From the index page into the editor through a card's "Read" link. */
async function readPost(page: Page, title: string): Promise<void> {
  await card(page, title).getByRole('link', { name: 'Read' }).click()
  await expect(page.locator('.cm-content')).toBeVisible()
}

test('opens on the index page: site title, description, cards newest first', async ({ app }) => {
  const { page } = app
  await expect(
    page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Library' }),
  ).toHaveAttribute('aria-pressed', 'true')
  await expect(library(page).getByRole('heading', { level: 1 })).toHaveText('All posts')
  await expect(library(page)).toContainText(
    'Deep, practical engineering stories — browse everything.',
  )
  await expect(page.getByTestId('site-detected')).toHaveText('Hugo site (hugo.toml)')

  const cards = library(page).getByTestId('post-card')
  await expect(cards).toHaveCount(2)
  await expect(cards.getByRole('heading')).toHaveText(['Second post', 'First post'])
  await expect(cards.getByTestId('post-excerpt')).toHaveText([SECOND_EXCERPT, FIRST_EXCERPT])
  for (const title of ['Second post', 'First post']) {
    await expect(card(page, title).getByRole('link', { name: 'Read' })).toBeVisible()
  }
  await expect(card(page, 'First post')).toContainText('2026-01-02')
  await expect(card(page, 'First post')).toContainText('intro')
  await page.screenshot({ path: path.join(test.info().outputDir, 'library.png') })
})

test('"Read" opens the post in the editor and the Library switch comes back', async ({ app }) => {
  const { page } = app
  await readPost(page, 'First post')
  await expect(page.locator('.cm-content')).toContainText('Hello from the first post.')
  const views = page.getByRole('group', { name: 'View' })
  await expect(views.getByRole('button', { name: 'Editor' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.getByTestId('live-excerpt')).toHaveText(FIRST_EXCERPT)
  await expect(page.getByTestId('excerpt-source')).toHaveAttribute('data-source', 'auto')

  await views.getByRole('button', { name: 'Library' }).click()
  await expect(library(page).getByRole('heading', { level: 1 })).toHaveText('All posts')
  await page.locator(`[data-testid="post-item"][data-path="${SECOND}"]`).click()
  await expect(page.locator('.cm-content')).toContainText('The second post says something else.')
})

test('the excerpt card follows typing; the divider button switches it to manual', async ({
  app,
}) => {
  const { page, repo } = app
  await readPost(page, 'First post')
  const editor = page.locator('.cm-content')
  await editor.getByText('Some more text').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Typed live words.')
  await expect(page.getByTestId('live-excerpt')).toHaveText(
    'Hello from the first post. A section Some more text with a link. Typed live words. ...',
  )

  await editor.getByText('Hello from the first post.').click()
  await page.keyboard.press('End')
  await excerptCard(page).getByRole('button', { name: 'Insert divider at cursor' }).click()
  await expect(page.getByTestId('excerpt-source')).toHaveAttribute('data-source', 'manual')
  await expect(page.getByTestId('live-excerpt')).toHaveText('Hello from the first post. ...')

  // The insertion is an ordinary edit: autosave writes it.
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 15_000 })
  const onDisk = await readFile(path.join(repo.dir, FIRST), 'utf8')
  expect(onDisk).toContain('Hello from the first post.\n<!--more-->\n')
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Library' }).click()
  await expect(card(page, 'First post').getByTestId('post-excerpt')).toHaveText(
    'Hello from the first post. ...',
  )
})

test("a site's own shortcode is left out of the excerpt, and the card says so", async ({ app }) => {
  const { page } = app
  await readPost(page, 'First post')
  const editor = page.locator('.cm-content')
  await editor.getByText('Hello from the first post.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' {{< youtube abc >}}{{< notice >}}')
  await expect(page.getByTestId('live-excerpt')).toHaveText(FIRST_EXCERPT)
  // A built-in embed shows nothing in an excerpt; only the site's own shortcode is named.
  await expect(page.getByTestId('excerpt-omits')).toHaveText(
    "Left out of excerpts: what {{< notice >}} shows on the site, which only the site's own templates know.",
  )
})

test('saving the excerpt writes a summary into the front matter', async ({ app }) => {
  const { page, repo } = app
  await readPost(page, 'Second post')
  await excerptCard(page).getByRole('button', { name: 'Save excerpt to front matter' }).click()
  await expect(page.getByTestId('excerpt-source')).toHaveAttribute('data-source', 'frontmatter')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
  const onDisk = await readFile(path.join(repo.dir, SECOND), 'utf8')
  expect(onDisk).toMatch(/^summary: .*The second post says something else\./m)
  expect(onDisk).toContain('\nThe second post says something else.\n')
})

test('a new post from the library is created on disk and opened', async ({ app }) => {
  const { page, repo } = app
  await library(page).getByRole('button', { name: 'New post' }).click()
  await library(page).getByRole('textbox', { name: 'Title' }).fill('Notes on caching')
  await library(page).getByRole('button', { name: 'Create' }).click()
  await expect(page.getByTestId('live-excerpt')).toBeVisible()
  await expect(page.locator('.cm-content')).toContainText('Notes on caching')

  const files = await readdir(path.join(repo.dir, 'content/posts'))
  const created = files.find((name) => name.includes('notes-on-caching'))
  expect(created).toBeDefined()
  const text = await readFile(path.join(repo.dir, 'content/posts', created!), 'utf8')
  expect(text).toContain('Notes on caching')
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Library' }).click()
  await expect(card(page, 'Notes on caching')).toBeVisible()
})

test('renames a post and deletes one only after confirmation', async ({ app }) => {
  const { page, repo } = app
  await card(page, 'Second post').getByRole('button', { name: 'Rename' }).click()
  await card(page, 'Second post').getByLabel('New file name').fill('renamed-post')
  await card(page, 'Second post').getByRole('button', { name: 'Save name' }).click()
  await expect(card(page, 'Second post')).toHaveAttribute(
    'data-path',
    'content/posts/renamed-post.md',
  )
  expect((await readdir(path.join(repo.dir, 'content/posts'))).sort()).toEqual([
    'first-post.md',
    'renamed-post.md',
  ])

  await card(page, 'First post').getByRole('button', { name: 'Delete' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Delete “First post”?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await readdir(path.join(repo.dir, 'content/posts'))).toContain('first-post.md')

  await card(page, 'First post').getByRole('button', { name: 'Delete' }).click()
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(card(page, 'First post')).toHaveCount(0)
  expect(await readdir(path.join(repo.dir, 'content/posts'))).toEqual(['renamed-post.md'])
})

test('duplicates a post into a new file with its own card', async ({ app }) => {
  const { page, repo } = app
  await card(page, 'First post').getByRole('button', { name: 'Duplicate' }).click()
  await expect(page.getByTestId('notice')).toContainText('Copied as content/posts/')
  await expect(card(page, 'First post (copy)')).toBeVisible()
  const copyPath = await card(page, 'First post (copy)').getAttribute('data-path')
  const copy = await readFile(path.join(repo.dir, copyPath!), 'utf8')
  expect(copy).toContain('Hello from the first post.')
  expect(await readdir(path.join(repo.dir, 'content/posts'))).toHaveLength(3)
})

test('drafts are marked and the drafts filter finds them', async ({ app }) => {
  const { page, repo } = app
  await writeFile(
    path.join(repo.dir, 'content/posts/unfinished.md'),
    '---\ntitle: "Unfinished"\ndate: 2026-03-01\ndraft: true\n---\n\nNot ready yet.\n',
  )
  await expect(card(page, 'Unfinished').locator('.draft-badge')).toHaveText('Draft')
  await expect(card(page, 'First post').locator('.draft-badge')).toHaveCount(0)
  await library(page).getByLabel('Show').selectOption('drafts')
  await expect(library(page).getByTestId('post-card').getByRole('heading')).toHaveText([
    'Unfinished',
  ])
})

test('search, filters and sorting narrow and order the cards', async ({ app }) => {
  const { page } = app
  const titles = library(page).getByTestId('post-card').getByRole('heading')
  await page.getByRole('searchbox', { name: 'Search posts' }).fill('section')
  await expect(titles).toHaveText(['First post'])
  await page.getByRole('searchbox', { name: 'Search posts' }).fill('')
  await library(page).getByLabel('Tag').selectOption('intro')
  await expect(titles).toHaveText(['First post'])
  await library(page).getByLabel('Tag').selectOption('')
  await library(page).getByLabel('Sort').selectOption('oldest')
  await expect(titles).toHaveText(['First post', 'Second post'])
  await library(page).getByLabel('Show').selectOption('drafts')
  await expect(titles).toHaveCount(0)
})

test('overriding the generator changes where posts are found and the excerpt rule', async ({
  app,
}) => {
  const { page } = app
  const cards = library(page).getByTestId('post-card')
  await library(page).getByLabel('Site generator').selectOption('jekyll')
  await expect(page.getByTestId('site-detected')).toContainText('Jekyll site')
  // A Jekyll site keeps its posts in _posts/, which this Hugo repository does not have.
  await expect(cards).toHaveCount(0)
  await library(page).getByLabel('Site generator').selectOption('')
  await expect(page.getByTestId('site-detected')).toHaveText('Hugo site (hugo.toml)')
  await expect(cards.getByTestId('post-excerpt')).toHaveText([SECOND_EXCERPT, FIRST_EXCERPT])
})

test('the front matter form changes only the edited line on disk', async ({ app }) => {
  const { page, repo } = app
  const before = await readFile(path.join(repo.dir, FIRST), 'utf8')
  await readPost(page, 'First post')
  await page.getByRole('button', { name: 'Front matter', exact: true }).click()
  const form = page.getByRole('form', { name: 'Front matter' })
  await expect(form.getByLabel('Title')).toHaveValue('First post')
  await expect(form.getByLabel('Tags')).toHaveValue('intro')
  await form.getByLabel('Title').fill('First post, revised')
  await form.getByLabel('Title').press('Enter')
  await expect(page.locator('.cm-content')).toContainText('First post, revised')
  await page.screenshot({ path: path.join(test.info().outputDir, 'editor.png') })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('save-state')).toHaveText('Saved')

  const after = await readFile(path.join(repo.dir, FIRST), 'utf8')
  const beforeLines = before.split('\n')
  const afterLines = after.split('\n')
  expect(afterLines).toHaveLength(beforeLines.length)
  const changed = afterLines.flatMap((line, index) => (line === beforeLines[index] ? [] : [index]))
  expect(changed).toEqual([1])
  expect(afterLines[1]).toBe('title: "First post, revised"')
})

test('a post with broken front matter lists with its error; the form is off', async ({ app }) => {
  const { page, repo } = app
  await writeFile(
    path.join(repo.dir, 'content/posts/broken.md'),
    '---\ntitle: "Broken\ntags: [unclosed\n---\n\nBody of the broken post.\n',
  )
  const broken = library(page).locator(
    '[data-testid="post-card"][data-path="content/posts/broken.md"]',
  )
  await expect(broken.getByTestId('front-matter-error')).toBeVisible()
  await broken.getByRole('link', { name: 'Read' }).click()
  await expect(page.locator('.cm-content')).toContainText('Body of the broken post.')
  await page.getByRole('button', { name: 'Front matter', exact: true }).click()
  const form = page.getByRole('form', { name: 'Front matter' })
  await expect(form.getByTestId('front-matter-error')).toBeVisible()
  await expect(form.getByLabel('Title')).toBeDisabled()
})
