import { AppFailure } from '../result'
import { parseBlock } from './parse'
import type { FrontMatterPatch, PatchValue } from './patch'
import { splitFrontMatter, type FrontMatterFormat } from './split'
import { updateJsonBlock } from './update-json'
import { updateTomlBlock } from './update-toml'
import { updateYamlBlock } from './update-yaml'

export interface UpdateOptions {
  /** Format for a file that has no front matter yet (default YAML). */
  newFormat?: FrontMatterFormat
}

/**
 * Returns `text` with only the patched front matter fields changed. The body and every other
 * byte of the front matter are kept. Throws AppFailure('FRONT_MATTER_INVALID') rather than
 * guess when the existing front matter cannot be read.
 */
export function updateFrontMatter(
  text: string,
  patch: FrontMatterPatch,
  options: UpdateOptions = {},
): string {
  const split = splitFrontMatter(text)
  if (split.error)
    throw new AppFailure('FRONT_MATTER_INVALID', `${split.error} Nothing was changed.`)
  const fields = patch as Record<string, PatchValue>
  if (!split.block) {
    const format = options.newFormat ?? 'yaml'
    const raw = updateBlock(format, format === 'json' ? '{}' : '', fields, split.eol)
    const prefix = text.slice(0, split.bomLength)
    const eol = split.eol
    const block =
      format === 'json' ? raw + eol : `${delimiter(format)}${eol}${raw}${delimiter(format)}${eol}`
    return prefix + block + text.slice(split.bomLength)
  }
  const { format, raw, rawStart, rawEnd } = split.block
  try {
    parseBlock(format, raw)
  } catch (error) {
    throw new AppFailure(
      'FRONT_MATTER_INVALID',
      `The ${format.toUpperCase()} front matter could not be read (${(error as Error).message.split('\n')[0]}). Nothing was changed.`,
    )
  }
  const updated = updateBlock(format, raw, fields, split.eol)
  return text.slice(0, rawStart) + updated + text.slice(rawEnd)
}

function updateBlock(
  format: FrontMatterFormat,
  raw: string,
  fields: Record<string, PatchValue>,
  eol: string,
): string {
  try {
    switch (format) {
      case 'yaml':
        return updateYamlBlock(raw, fields, eol)
      case 'toml':
        return updateTomlBlock(raw, fields)
      case 'json':
        return updateJsonBlock(raw, fields, eol)
    }
  } catch (error) {
    throw new AppFailure(
      'FRONT_MATTER_INVALID',
      `Could not edit the front matter: ${(error as Error).message}`,
    )
  }
}

function delimiter(format: 'yaml' | 'toml'): string {
  return format === 'yaml' ? '---' : '+++'
}
