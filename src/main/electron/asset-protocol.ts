import { protocol } from 'electron'
import { readRepositoryImage } from '../services/assets/read-repository-image'

export const ASSET_SCHEME = 'inkpress-asset'

export function registerAssetSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ])
}

/**
 * Local images in the preview load through `inkpress-asset://repo/<path>`, confined to the
 * open repository; the renderer never gets `file://` access.
 */
export function handleAssetProtocol(currentRoot: () => Promise<string | null>): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    const root = await currentRoot()
    if (!root) return new Response('No repository is open.', { status: 404 })
    try {
      const relative = decodeURIComponent(new URL(request.url).pathname.replace(/^\//, ''))
      const image = await readRepositoryImage(root, relative)
      return new Response(new Uint8Array(image.bytes), {
        headers: { 'Content-Type': image.mime, 'Cache-Control': 'no-cache' },
      })
    } catch {
      // Outside, through a link, not an image, or missing.
      return new Response('Not served.', { status: 403 })
    }
  })
}
