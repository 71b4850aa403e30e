import { isSiteGenerator, SITE_GENERATORS, type SiteGenerator } from '../../../shared/posts'
import { AppFailure } from '../../../shared/result'

export function generatorOption(value: string | undefined): SiteGenerator | undefined {
  if (value === undefined) return undefined
  if (isSiteGenerator(value)) return value
  throw new AppFailure(
    'INVALID_ARGUMENT',
    `Unknown generator "${value}"; use one of ${SITE_GENERATORS.join(', ')}.`,
  )
}
