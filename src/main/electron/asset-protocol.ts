import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { lookup as lookupMimeType } from 'mrmime'
import { resolveInsideRepository } from '../services/repository/confine-path'

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
    const relative = decodeURIComponent(new URL(request.url).pathname.replace(/^\//, ''))
    try {
      const absolute = await resolveInsideRepository(root, relative)
      const mime = lookupMimeType(absolute) ?? ''
      if (!mime.startsWith('image/'))
        return new Response('Only images are served.', { status: 403 })
      return net.fetch(pathToFileURL(absolute).href)
    } catch {
      return new Response('Outside the repository.', { status: 403 })
    }
  })
}
