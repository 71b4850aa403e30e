import { describe, expect, it } from 'vitest'
import {
  applySessionPolicy,
  applyWindowSecurity,
  guardedIpcHandler,
  mainWindowOptions,
} from '../../../src/main/electron/apply-security'
import {
  decideWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSender,
  secureWebPreferences,
} from '../../../src/main/electron/security-policy'
import { silentLogger } from '../../../src/main/services/logger'
import { RENDERER_CSP } from '../../../src/main/web/security-headers'
import { isAllowedExternalUrl } from '../../../src/shared/external-links'
import { createTestWorld } from '../support/test-world'
import { RecordingContents, RecordingSession } from './electron-fakes'
import { ALLOWED_EXTERNAL_URLS, REFUSED_EXTERNAL_URLS } from './url-cases'

const RENDERER = 'file:///opt/inkpress/out/renderer/index.html'

describe('web preferences', () => {
  it('isolate the page: context isolation, sandbox, no Node anywhere, web security on', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    })
  })

  it('are what the main window is created with', () => {
    const options = mainWindowOptions({
      preloadPath: '/app/preload.cjs',
      iconPath: '/app/icon.png',
    })
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'))
    expect(options.show).toBe(false)
  })
})

describe('content security policy', () => {
  const directive = (name: string) =>
    RENDERER_CSP.split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${name} `))

  it('allows script only from the app itself: no inline, eval or remote script', () => {
    expect(directive('script-src')).toBe("script-src 'self'")
    expect(RENDERER_CSP).not.toContain("'unsafe-eval'")
    expect(directive('default-src')).toBe("default-src 'self'")
  })

  it('forbids plugins, frames, base changes and form posts', () => {
    expect(directive('object-src')).toBe("object-src 'none'")
    expect(directive('frame-src')).toBe("frame-src 'none'")
    expect(directive('base-uri')).toBe("base-uri 'none'")
    expect(directive('form-action')).toBe("form-action 'none'")
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'")
  })

  it('lets the page connect only to itself', () => {
    expect(directive('connect-src')).toBe("connect-src 'self'")
  })
})

describe('permissions', () => {
  const denied = [
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'window-management',
    'storage-access',
    'keyboardLock',
    'speaker-selection',
    'unknown',
    '',
  ]

  it.each(denied)('denies %j', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false)
  })

  it('grants only writing sanitized text to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true)
  })

  it('the session answers requests and checks with the policy, and sets the CSP on every response', () => {
    const session = new RecordingSession()
    applySessionPolicy(session, RENDERER_CSP)
    for (const permission of denied) {
      expect(session.requestPermission(permission)).toBe(false)
      expect(session.checkHandler?.(null, permission)).toBe(false)
    }
    expect(session.requestPermission('clipboard-sanitized-write')).toBe(true)

    let headers: Record<string, string[]> = {}
    session.headersListener?.(
      {
        responseHeaders: {
          'Content-Security-Policy': ["script-src 'unsafe-inline' *"],
          'X-Other': ['1'],
        },
      },
      (response) => (headers = response.responseHeaders),
    )
    expect(headers['Content-Security-Policy']).toEqual([RENDERER_CSP])
    expect(headers['X-Other']).toEqual(['1'])
  })
})

describe('navigation', () => {
  it('allows only moving to an anchor on the same page', () => {
    expect(isNavigationAllowed(RENDERER, `${RENDERER}#heading`)).toBe(true)
    expect(isNavigationAllowed(`${RENDERER}#a`, `${RENDERER}#b`)).toBe(true)
  })

  const elsewhere = [
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'file:///opt/inkpress/out/renderer/other.html',
    `${RENDERER}?x=1`,
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    'inkpress-asset://repo/x.png',
    'not a url',
    '',
  ]

  it.each(elsewhere)('blocks navigating to %j', (target) => {
    expect(isNavigationAllowed(RENDERER, target)).toBe(false)
  })

  it('the window prevents foreign navigations and redirects, and every webview', () => {
    const contents = new RecordingContents(RENDERER)
    applyWindowSecurity(contents, async () => {})
    for (const target of elsewhere) {
      expect(contents.attempt('will-navigate', target), target).toBe(true)
      expect(contents.attempt('will-redirect', target), target).toBe(true)
    }
    expect(contents.attempt('will-navigate', `${RENDERER}#section`)).toBe(false)
    expect(contents.attempt('will-attach-webview')).toBe(true)
  })
})

describe('new windows and external links', () => {
  it.each(REFUSED_EXTERNAL_URLS)('never opens %j, in a window or outside', (url) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null })
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it.each(ALLOWED_EXTERNAL_URLS)(
    'hands %j to the system browser as %j, never a new window',
    (url, parsed) => {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: parsed })
    },
  )

  it('the window denies every window.open and opens only vetted links outside', async () => {
    const contents = new RecordingContents(RENDERER)
    const opened: string[] = []
    applyWindowSecurity(contents, async (url) => void opened.push(url))
    for (const url of [...REFUSED_EXTERNAL_URLS, ...ALLOWED_EXTERNAL_URLS.map(([url]) => url)]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(opened).toEqual(ALLOWED_EXTERNAL_URLS.map(([, parsed]) => parsed))
  })

  it('the shell:openExternal call refuses every unsafe URL with a readable error', async () => {
    const opened: string[] = []
    const world = await createTestWorld('open-external')
    try {
      for (const url of REFUSED_EXTERNAL_URLS) {
        await expect(world.session.handlers['shell:openExternal'](url)).rejects.toMatchObject({
          code: 'INVALID_ARGUMENT',
          message: 'Only http, https and mailto links can be opened.',
        })
      }
      for (const [url] of ALLOWED_EXTERNAL_URLS)
        await world.session.handlers['shell:openExternal'](url)
      opened.push(...world.openedExternally)
    } finally {
      await world.close()
    }
    expect(opened).toEqual(ALLOWED_EXTERNAL_URLS.map(([, parsed]) => parsed))
  })
})

describe('IPC senders', () => {
  it('trusts only the renderer page itself', () => {
    expect(isTrustedSender(RENDERER, RENDERER)).toBe(true)
    expect(isTrustedSender(`${RENDERER}#x`, RENDERER)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true)
    for (const frame of [
      undefined,
      '',
      'about:blank',
      'file:///tmp/evil.html',
      'https://evil.example/',
      'http://localhost:5174/',
      'data:text/html,x',
      'inkpress-asset://repo/x.svg',
    ]) {
      expect(isTrustedSender(frame, RENDERER), String(frame)).toBe(false)
    }
    expect(isTrustedSender(RENDERER, 'http://localhost:5173/')).toBe(false)
  })

  it('every IPC handler refuses other windows and frames, and dispatches for our page', async () => {
    const world = await createTestWorld('ipc')
    try {
      const ours = new RecordingContents(RENDERER)
      const handler = guardedIpcHandler(
        'posts:read',
        world.session,
        { contents: () => ours, rendererUrl: RENDERER },
        silentLogger,
      )
      const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } }
      const otherWindow = new RecordingContents(RENDERER)
      expect(
        await handler({ sender: otherWindow, senderFrame: { url: RENDERER } }, 'posts/hello.md'),
      ).toEqual(forbidden)
      expect(await handler({ sender: ours, senderFrame: null }, 'posts/hello.md')).toEqual(
        forbidden,
      )
      expect(await handler({ sender: ours }, 'posts/hello.md')).toEqual(forbidden)
      expect(
        await handler(
          { sender: ours, senderFrame: { url: 'https://evil.example/' } },
          'posts/hello.md',
        ),
      ).toEqual(forbidden)
      expect(
        await handler(
          { sender: ours, senderFrame: { url: 'file:///tmp/evil.html' } },
          'posts/hello.md',
        ),
      ).toEqual(forbidden)

      const noWindow = guardedIpcHandler(
        'posts:read',
        world.session,
        { contents: () => null, rendererUrl: RENDERER },
        silentLogger,
      )
      expect(
        await noWindow({ sender: ours, senderFrame: { url: RENDERER } }, 'posts/hello.md'),
      ).toEqual(forbidden)

      const answer = await handler(
        { sender: ours, senderFrame: { url: RENDERER } },
        'posts/hello.md',
      )
      expect(answer).toMatchObject({
        ok: true,
        value: { path: 'posts/hello.md', text: '# Hello\n\nA post.\n' },
      })
      const hostile = await handler(
        { sender: ours, senderFrame: { url: RENDERER } },
        '../outside/secret.md',
      )
      expect(hostile).toMatchObject({ ok: false, error: { code: 'OUTSIDE_REPOSITORY' } })
    } finally {
      await world.close()
    }
  })
})
