import { symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CALL_NAMES } from '../../../src/shared/api/channels'
import { silentLogger } from '../../../src/main/services/logger'
import { RENDERER_CSP } from '../../../src/main/web/security-headers'
import { secureWebPreferences } from '../../../src/main/electron/security-policy'
import { createTestWorld, SECRET } from '../support/test-world'
import type { ContextMenuParams } from '../../../src/main/electron/context-menu'
import { RecordingContents, RecordingSession, contextMenuParams } from './electron-fakes'

/*
 * The Electron binary cannot run in plain Node, so the `electron` module is replaced by
 * recorders; what is tested is that window.ts, ipc.ts and asset-protocol.ts hand Electron the
 * policy (the policy itself is tested in electron-policy.test.ts).
 */
const electron = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; webContents: unknown }>,
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  openedExternally: [] as string[],
  fetched: [] as string[],
  defaultSession: null as unknown,
  makeContents: null as null | (() => unknown),
  poppedMenus: [] as Array<Array<Record<string, unknown>>>,
  clipboard: [] as string[],
}))

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents: unknown
    constructor(options: Record<string, unknown>) {
      this.webContents = electron.makeContents?.()
      electron.windows.push({ options, webContents: this.webContents })
    }
    once() {}
    show() {}
  },
  session: {
    get defaultSession() {
      return electron.defaultSession
    },
  },
  shell: { openExternal: async (url: string) => void electron.openedExternally.push(url) },
  Menu: {
    buildFromTemplate: (template: Array<Record<string, unknown>>) => ({
      popup: () => void electron.poppedMenus.push(template),
    }),
  },
  clipboard: { writeText: (text: string) => void electron.clipboard.push(text) },
  ipcMain: {
    handle: (name: string, handler: (...args: unknown[]) => unknown) =>
      electron.ipcHandlers.set(name, handler),
    removeHandler: (name: string) => electron.ipcHandlers.delete(name),
  },
  protocol: {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      electron.protocolHandlers.set(scheme, handler),
    registerSchemesAsPrivileged: () => {},
  },
  net: {
    // Like Electron's net.fetch of a file:// URL: the file's bytes, or a failure if it is missing.
    fetch: async (url: string) => {
      electron.fetched.push(url)
      const { readFile } = await import('node:fs/promises')
      const { fileURLToPath } = await import('node:url')
      return readFile(fileURLToPath(url)).then(
        (bytes) => new Response(bytes),
        () => new Response('not found', { status: 404 }),
      )
    },
  },
}))

const RENDERER = 'file:///opt/inkpress/out/renderer/index.html'

beforeEach(() => {
  electron.windows.length = 0
  electron.ipcHandlers.clear()
  electron.openedExternally.length = 0
  electron.fetched.length = 0
  electron.poppedMenus.length = 0
  electron.clipboard.length = 0
  electron.makeContents = () => new RecordingContents(RENDERER)
})

describe('window.ts applies the policy to the real window and session', () => {
  it('creates the main window with the secure preferences and guards its contents', async () => {
    const { createMainWindow } = await import('../../../src/main/electron/window')
    createMainWindow({ preloadPath: '/app/preload.cjs', iconPath: '/app/icon.png' })
    const [created] = electron.windows
    expect(created?.options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'))

    const contents = created!.webContents as RecordingContents
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.attempt('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(contents.attempt('will-attach-webview')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    })
    expect(electron.openedExternally).toEqual(['https://example.com/'])
  })

  it('gives the window a right-click menu that corrects spelling and opens only safe links', async () => {
    const { createMainWindow } = await import('../../../src/main/electron/window')
    createMainWindow({ preloadPath: '/app/preload.cjs', iconPath: '/app/icon.png' })
    const contents = electron.windows[0]!.webContents as RecordingContents
    const rightClick = (params: Partial<ContextMenuParams>) =>
      contents.emit('context-menu', {}, contextMenuParams(params))
    const clickItem = (label: string) => {
      const item = electron.poppedMenus.at(-1)?.find((candidate) => candidate.label === label)
      ;(item?.click as () => void)()
    }

    rightClick({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['the'] })
    clickItem('the')
    clickItem('Add “teh” to Dictionary')
    expect(contents.replacedMisspellings).toEqual(['the'])
    expect(contents.session.dictionary).toEqual(['teh'])

    rightClick({ linkURL: 'https://example.com/post' })
    clickItem('Open Link in Browser')
    clickItem('Copy Link Address')
    expect(electron.openedExternally).toEqual(['https://example.com/post'])
    expect(electron.clipboard).toEqual(['https://example.com/post'])

    const menusSoFar = electron.poppedMenus.length
    rightClick({ linkURL: 'javascript:alert(1)' })
    expect(electron.poppedMenus).toHaveLength(menusSoFar)
  })

  it('spellchecks in the system language where a dictionary exists', async () => {
    const session = new RecordingSession()
    session.availableSpellCheckerLanguages = ['de-DE', 'en-US']
    electron.defaultSession = session
    const { configureSpellchecker } = await import('../../../src/main/electron/window')
    configureSpellchecker('de-AT')
    expect(session.spellCheckerLanguages).toEqual(process.platform === 'darwin' ? null : ['de-DE'])
  })

  it('sets the permission handlers and the CSP on the default session', async () => {
    const session = new RecordingSession()
    electron.defaultSession = session
    const { applySessionSecurity } = await import('../../../src/main/electron/window')
    applySessionSecurity()
    expect(session.requestPermission('media')).toBe(false)
    expect(session.requestPermission('clipboard-sanitized-write')).toBe(true)
    let headers: Record<string, string[]> = {}
    session.headersListener?.(
      { responseHeaders: {} },
      (response) => (headers = response.responseHeaders),
    )
    expect(headers['Content-Security-Policy']).toEqual([RENDERER_CSP])
  })
})

describe('ipc.ts registers a sender-checked handler for every call', () => {
  it('registers exactly the contract calls, each refusing a foreign sender', async () => {
    const { registerIpcHandlers } = await import('../../../src/main/electron/ipc')
    const world = await createTestWorld('ipc-wiring')
    try {
      const ours = new RecordingContents(RENDERER)
      const unregister = registerIpcHandlers(
        world.session,
        { contents: () => ours as never, rendererUrl: RENDERER },
        silentLogger,
      )
      expect([...electron.ipcHandlers.keys()].sort()).toEqual([...CALL_NAMES].sort())
      const stranger = new RecordingContents('https://evil.example/')
      for (const [name, handler] of electron.ipcHandlers) {
        const answer = await handler({
          sender: stranger,
          senderFrame: { url: 'https://evil.example/' },
        })
        expect(answer, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
      const read = electron.ipcHandlers.get('posts:read')!
      expect(
        await read({ sender: ours, senderFrame: { url: RENDERER } }, 'posts/hello.md'),
      ).toMatchObject({ ok: true })
      unregister()
      expect(electron.ipcHandlers.size).toBe(0)
    } finally {
      await world.close()
    }
  })
})

describe('asset-protocol.ts serves only images inside the open repository', () => {
  it('confines inkpress-asset:// to the repository and to images', async () => {
    const { handleAssetProtocol, ASSET_SCHEME } =
      await import('../../../src/main/electron/asset-protocol')
    const world = await createTestWorld('asset')
    try {
      await writeFile(path.join(world.repo, 'posts', 'pixel.png'), 'png')
      await writeFile(path.join(world.outside, 'secret.png'), SECRET)
      await symlink(
        path.join(world.outside, 'secret.png'),
        path.join(world.repo, 'posts', 'link-out.png'),
      )
      handleAssetProtocol(async () => world.repo)
      const handler = electron.protocolHandlers.get(ASSET_SCHEME)!
      const get = (url: string) => handler(new Request(url))

      const served = await get(`${ASSET_SCHEME}://repo/posts/pixel.png`)
      expect(served.status).toBe(200)
      expect(await served.text()).toBe('png')

      for (const url of [
        `${ASSET_SCHEME}://repo/posts/..%2F..%2Foutside%2Fsecret.png`,
        `${ASSET_SCHEME}://repo/%2e%2e/outside/secret.png`,
        `${ASSET_SCHEME}://repo/posts/link-out.png`,
        `${ASSET_SCHEME}://repo/linkdir/secret.png`,
        `${ASSET_SCHEME}://repo/%2Fetc%2Fpasswd`,
        `${ASSET_SCHEME}://repo/.git/config`,
        `${ASSET_SCHEME}://repo/posts/hello.md`,
        `${ASSET_SCHEME}://repo/posts/pixel.png%00.md`,
        `${ASSET_SCHEME}://repo/C:%5CWindows%5Cwin.ini`,
      ]) {
        const response = await get(url)
        expect(response.status, url).not.toBe(200)
        expect(await response.text()).not.toContain(SECRET)
      }
      // The file is read by Inkpress itself (never through a link), not handed to net.fetch.
      expect(electron.fetched).toEqual([])
    } finally {
      await world.close()
    }
  })
})
