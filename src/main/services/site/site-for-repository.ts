import { realpath } from 'node:fs/promises'
import { isSiteGenerator, type SiteGenerator, type SiteInfo } from '../../../shared/posts'
import type { SettingsStore } from '../settings/settings-store'
import { detectSite } from './detect-site'

/**
 * The site as the app, the CLI and the index all see it: a generator named for this run
 * (`--generator`) wins, then the writer's choice for this repository in settings, then
 * detection. Settings key repositories by their real path, as the app opens them.
 */
export async function siteForRepository(
  folder: string,
  settings: SettingsStore,
  named?: SiteGenerator,
): Promise<SiteInfo> {
  if (named) return detectSite(folder, { generator: named })
  const root = await realpath(folder).catch(() => folder)
  const chosen = (await settings.read()).generatorOverrides[root]
  return detectSite(folder, isSiteGenerator(chosen) ? { generator: chosen } : {})
}
