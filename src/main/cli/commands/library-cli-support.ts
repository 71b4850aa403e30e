import { homedir } from 'node:os'
import { join } from 'node:path'
import { SITE_GENERATORS, type SiteGenerator } from '../../../shared/posts'
import { AppFailure } from '../../../shared/result'
import type { CliIO } from '../command'

/** The index cache folder: $XDG_CACHE_HOME/inkpress or ~/.cache/inkpress, never inside the repository. */
export function defaultCacheDir(io: CliIO): string {
  const base = io.env.XDG_CACHE_HOME || join(io.env.HOME || homedir(), '.cache')
  return join(base, 'inkpress')
}

export function generatorOption(value: string | undefined): SiteGenerator | undefined {
  if (value === undefined) return undefined
  if ((SITE_GENERATORS as readonly string[]).includes(value)) return value as SiteGenerator
  throw new AppFailure(
    'INVALID_ARGUMENT',
    `Unknown generator "${value}"; use one of ${SITE_GENERATORS.join(', ')}.`,
  )
}
