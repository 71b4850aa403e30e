import { applyEdits, modify, parseTree, findNodeAtLocation } from 'jsonc-parser'
import type { PatchValue } from './patch'

/**
 * jsonc-parser replaces just the value's characters. New keys are inserted by hand after the
 * last property on a line of their own, because its formatter would re-flow neighbouring values.
 */
export function updateJsonBlock(
  raw: string,
  patch: Record<string, PatchValue>,
  eol: string,
): string {
  let text = raw
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const root = parseTree(text)
    if (!root || root.type !== 'object') throw new Error('the JSON front matter is not an object')
    const existing = findNodeAtLocation(root, [key])
    if (existing || value === null) {
      text = applyEdits(text, modify(text, [key], value === null ? undefined : value, {}))
      continue
    }
    const last = root.children?.at(-1)
    const entry = `${JSON.stringify(key)}: ${JSON.stringify(value)}`
    if (!last) {
      const open = root.offset + 1
      text = `${text.slice(0, open)}${eol}  ${entry}${eol}${text.slice(open)}`
      continue
    }
    const lineStart = text.lastIndexOf('\n', last.offset) + 1
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '  '
    const end = last.offset + last.length
    text = `${text.slice(0, end)},${eol}${indent}${entry}${text.slice(end)}`
  }
  return text
}
