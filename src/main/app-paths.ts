import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The installed app's root (the folder with Inkpress's package.json), found by walking up
 * from this module, so the same code works from `out/main/*.js` and from sources in tests.
 */
export function findAppRoot(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl))
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'inkpress'
    ) {
      return dir
    }
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('Cannot find the Inkpress installation folder.')
    dir = parent
  }
}

export interface AppPaths {
  root: string
  rendererDir: string
  bundledSampleDir: string
  version: string
}

export function appPaths(root: string = findAppRoot()): AppPaths {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string
  }
  return {
    root,
    rendererDir: path.join(root, 'out', 'renderer'),
    bundledSampleDir: path.join(root, 'resources', 'sample-blog'),
    version: manifest.version,
  }
}
