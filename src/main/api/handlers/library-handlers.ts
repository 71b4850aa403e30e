import type { Handlers } from '../../../shared/api'
import type { SiteInfo } from '../../../shared/posts/site-info'
import {
  createPost,
  deletePost,
  duplicatePost,
  indexPosts,
  renamePost,
} from '../../services/library'
import { indexCacheDir } from '../../services/settings/app-data-dir'
import { siteForRepository } from '../../services/site'
import { saveImageForPost } from '../../services/assets/save-image'
import type { SessionContext } from '../session-context'

type LibraryCalls =
  | 'site:info'
  | 'site:setGenerator'
  | 'posts:list'
  | 'posts:create'
  | 'posts:rename'
  | 'posts:duplicate'
  | 'posts:delete'
  | 'assets:saveImage'

export function libraryHandlers(context: SessionContext): Pick<Handlers, LibraryCalls> {
  const root = () => context.requireRepository().root
  const cacheDir = indexCacheDir(context.appDataDir)

  /** Detection honours the writer's per-repository override from settings. */
  const site = (): Promise<SiteInfo> => siteForRepository(root(), context.settings)

  return {
    'site:info': site,
    'site:setGenerator': async (generator) => {
      const repository = root()
      await context.settings.update((settings) => {
        const overrides = { ...settings.generatorOverrides }
        if (generator) overrides[repository] = generator
        else delete overrides[repository]
        return { ...settings, generatorOverrides: overrides }
      })
      return site()
    },
    'posts:list': async () => indexPosts(root(), { site: await site(), cacheDir }),
    'posts:create': async (title) => ({ path: await createPost(root(), await site(), title) }),
    'posts:rename': async (post, slug) => ({ path: await renamePost(root(), post, slug) }),
    'posts:duplicate': async (post) => ({ path: await duplicatePost(root(), post) }),
    'posts:delete': async (post) => deletePost(root(), post),
    'assets:saveImage': async (post, image) =>
      saveImageForPost(root(), await site(), post, {
        name: image.name,
        type: image.type,
        bytes: Buffer.from(image.dataBase64, 'base64'),
      }),
  }
}
