import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Request } from '@playwright/test'
import { visit } from 'unist-util-visit'
import { parseMarkdown } from '../../../src/shared/markdown/processors'
import { E2E_BLOG_FIXTURE, expect, openPostInApp, test as appTest } from '../support/app'

/*
 * The hostile corpus in the real preview, in Chromium, through the real web host: no script
 * runs, nothing navigates, no request leaves for a host the post did not legitimately name.
 */
const CORPUS_DIR = path.resolve('tests/fixtures/hostile')
const CORPUS = readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()
const SENTINEL = 'untouched-by-posts'
const postPath = (name: string) => `content/posts/hostile-${name}`
const endMarker = (name: string) => `END-OF-HOSTILE-POST-${name.replace(/\W/g, '-')}`

/** A copy of the e2e blog with every hostile post added, each ending in a marker to wait for. */
const fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'inkpress-hostile-fixture-'))
cpSync(E2E_BLOG_FIXTURE, fixtureDir, { recursive: true })
for (const name of CORPUS) {
  const text = readFileSync(path.join(CORPUS_DIR, name), 'utf8')
  writeFileSync(path.join(fixtureDir, postPath(name)), `${text}\n\n${endMarker(name)}\n`)
}

/** Hosts of https links and images written as Markdown: what a post may legitimately load. */
function legitimateHosts(markdown: string): Set<string> {
  const hosts = new Set<string>()
  visit(parseMarkdown(markdown), (node) => {
    if (node.type !== 'image' && node.type !== 'link' && node.type !== 'definition') return
    try {
      const url = new URL((node as { url: string }).url)
      if (url.protocol === 'https:') hosts.add(url.host)
    } catch {
      // Not an absolute URL: nothing to allow.
    }
  })
  return hosts
}

const test = appTest.extend({
  fixtureDir,
  // Requests to other hosts are aborted on purpose below, and Chromium logs each as an error.
  allowConsoleErrors: true,
  // The sentinel exists before any of the app's (or a post's) code could run.
  page: async ({ page }, use) => {
    await page.addInitScript((value) => {
      ;(window as unknown as { __inkpressSentinel: string }).__inkpressSentinel = value
    }, SENTINEL)
    await use(page)
  },
})

test.afterAll(() => {
  rmSync(fixtureDir, { recursive: true, force: true })
})

test(`${CORPUS.length} hostile posts in the live preview run nothing, navigate nowhere, load nothing foreign`, async ({
  app,
}) => {
  test.setTimeout(240_000)
  const { page, mode } = app
  const origin = mode.host.origin
  const startUrl = page.url()
  const startTitle = await page.title()
  const dialogs: string[] = []
  const navigations: string[] = []
  let current = ''
  const requests: Array<{ post: string; request: Request }> = []

  page.on('dialog', (dialog) => {
    dialogs.push(`${current}: ${dialog.type()} ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(`${current}: ${frame.url()}`)
  })
  page.on('popup', (popup) => navigations.push(`${current}: popup ${popup.url()}`))
  // Nothing leaves this machine: requests to other hosts are recorded and aborted before any lookup.
  await page.route(
    (url) => url.origin !== origin,
    (route) => {
      requests.push({ post: current, request: route.request() })
      void route.abort()
    },
  )
  page.on('request', (request) => {
    if (new URL(request.url()).origin === origin) requests.push({ post: current, request })
  })

  for (const name of CORPUS) {
    current = name
    await openPostInApp(page, postPath(name))
    const preview = page.getByTestId('preview')
    await expect(preview).toContainText(endMarker(name))
    // Let image errors, autofocus, timers and refreshes fire if anything slipped through.
    await page.waitForTimeout(150)

    const state = await page.evaluate(() => ({
      sentinel: (window as unknown as { __inkpressSentinel: unknown }).__inkpressSentinel,
      title: document.title,
      executable: document.querySelectorAll(
        '[data-testid="preview"] :is(script, iframe, frame, object, embed, applet, base, meta, link, form, style)',
      ).length,
      handlers: [...document.querySelectorAll('[data-testid="preview"] *')].flatMap((element) =>
        element.getAttributeNames().filter((attribute) => attribute.toLowerCase().startsWith('on')),
      ),
    }))
    expect.soft(state.sentinel, `${name}: sentinel`).toBe(SENTINEL)
    expect.soft(state.title, `${name}: title`).toBe(startTitle)
    expect.soft(state.executable, `${name}: executable elements in the preview`).toBe(0)
    expect.soft(state.handlers, `${name}: event handler attributes`).toEqual([])
    expect.soft(page.url(), `${name}: page URL`).toBe(startUrl)
  }

  expect(dialogs).toEqual([])
  expect(navigations).toEqual([])
  const allowedHosts = new Map(
    CORPUS.map((name) => [
      name,
      legitimateHosts(readFileSync(path.join(CORPUS_DIR, name), 'utf8')),
    ]),
  )
  const foreign = requests
    .filter(({ request }) => new URL(request.url()).origin !== origin)
    .filter(({ post, request }) => {
      const url = new URL(request.url())
      return !(url.protocol === 'https:' && allowedHosts.get(post)?.has(url.host))
    })
    .map(({ post, request }) => `${post}: ${request.method()} ${request.url()}`)
  expect(foreign).toEqual([])
  // The legitimate remote image was requested (and aborted): the check above had something to see.
  expect(
    requests.some(({ request }) => request.url() === 'https://images.example.org/photo.png'),
  ).toBe(true)
})
