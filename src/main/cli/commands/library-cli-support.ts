import { SITE_GENERATORS, type SiteGenerator } from '../../../shared/posts'
import { AppFailure } from '../../../shared/result'

export function generatorOption(value: string | undefined): SiteGenerator | undefined {
  if (value === undefined) return undefined
  if ((SITE_GENERATORS as readonly string[]).includes(value)) return value as SiteGenerator
  throw new AppFailure(
    'INVALID_ARGUMENT',
    `Unknown generator "${value}"; use one of ${SITE_GENERATORS.join(', ')}.`,
  )
}
