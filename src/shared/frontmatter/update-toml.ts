import { parse as parseTomlPreserving, patch as patchToml } from '@decimalturn/toml-patch'
import type { PatchValue } from './patch'

/**
 * toml-patch re-emits only the changed keys and keeps comments, spacing and order.
 * Dates that look like TOML dates are written as TOML dates (unquoted), as Hugo writes them,
 * unless the old value was a quoted string.
 */
export function updateTomlBlock(raw: string, patch: Record<string, PatchValue>): string {
  const current = parseTomlPreserving(raw) as Record<string, unknown>
  const next: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    if (value === null) delete next[key]
    else if (key === 'date' && typeof value === 'string' && typeof current[key] !== 'string') {
      next[key] = asTomlDate(value) ?? value
    } else next[key] = value
  }
  return patchToml(raw, next)
}

function asTomlDate(text: string): Date | null {
  try {
    const parsed = parseTomlPreserving(`d = ${text}`) as { d?: unknown }
    return parsed.d instanceof Date ? parsed.d : null
  } catch {
    return null
  }
}
