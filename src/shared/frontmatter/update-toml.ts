import { parse as parseTomlPreserving, patch as patchToml } from '@decimalturn/toml-patch'
import * as smolToml from 'smol-toml'
import type { PatchValue } from './patch'

/**
 * toml-patch re-emits only the changed keys and keeps comments, spacing and order.
 * A date is written as a TOML date (unquoted, as Hugo writes it) when the text is one.
 */
export function updateTomlBlock(raw: string, patch: Record<string, PatchValue>): string {
  const { date, ...rest } = patch
  let text = raw
  if (typeof date === 'string' && isTomlDate(date)) {
    const replaced = replaceTopLevelValue(text, 'date', date)
    if (replaced !== null) text = replaced
    else rest.date = date
  } else if (date !== undefined) rest.date = date
  if (Object.values(rest).every((value) => value === undefined)) return text
  if (text.trim() === '') return newTomlBlock(rest)

  const current = parseTomlPreserving(text) as Record<string, unknown>
  const next: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue
    if (value === null) delete next[key]
    else
      next[key] =
        key === 'date' && typeof value === 'string' && isTomlDate(value) ? tomlDate(value) : value
  }
  return patchToml(text, next)
}

function newTomlBlock(fields: Record<string, PatchValue>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) =>
      key === 'date' && typeof value === 'string' && isTomlDate(value)
        ? `${key} = ${value}`
        : smolToml.stringify({ [key]: value }).trimEnd(),
    )
  return lines.length === 0 ? '' : lines.join('\n') + '\n'
}

/**
 * toml-patch keeps an existing date's old style (e.g. offset date-time) whatever the new value,
 * so the date's value text is swapped on its own line, keeping any trailing comment.
 */
function replaceTopLevelValue(raw: string, key: string, valueText: string): string | null {
  const line = new RegExp(
    `^([ \\t]*${key}[ \\t]*=[ \\t]*)([^#\\r\\n]*?)([ \\t]*(?:#[^\\r\\n]*)?)$`,
    'm',
  )
  const firstTable = raw.search(/^[ \t]*\[/m)
  const match = line.exec(raw)
  if (!match || (firstTable >= 0 && match.index > firstTable)) return null
  const start = match.index + match[1]!.length
  // A date written as a quoted string stays a quoted string.
  const quote = /^["']/.exec(match[2]!)?.[0] ?? ''
  return raw.slice(0, start) + quote + valueText + quote + raw.slice(start + match[2]!.length)
}

function isTomlDate(text: string): boolean {
  return tomlDate(text) !== null
}

function tomlDate(text: string): Date | null {
  try {
    const parsed = parseTomlPreserving(`d = ${text}`) as { d?: unknown }
    return parsed.d instanceof Date ? parsed.d : null
  } catch {
    return null
  }
}
