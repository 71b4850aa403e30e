/**
 * Rewrites tests/unit/generators/real-sites-known.ts from what differs now, keeping each
 * group's reason; a new group gets the reason "TODO", which the test refuses until a person
 * writes why. Run: node --import tsx tests/support/update-real-sites-known.ts
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { KNOWN_DIFFERENCES } from '../unit/generators/real-sites-known'
import { compareSite, expectedFor, indexRealSite, siteNames } from './real-sites'

const target = path.resolve('tests/unit/generators/real-sites-known.ts')
const groups: Record<string, Record<string, string[]>> = {}
for (const site of await siteNames()) {
  const verdict = compareSite(site, await expectedFor(site), await indexRealSite(site))
  for (const m of verdict.mismatches) ((groups[site] ??= {})[m.field] ??= []).push(m.path)
}
const header = (await import('node:fs')).readFileSync(target, 'utf8').split('export const')[0]
const lines = [
  'export const KNOWN_DIFFERENCES: Record<',
  '  string,',
  '  Record<string, { reason: string; paths: string[] }>',
  '> = {',
]
for (const site of Object.keys(groups).sort()) {
  lines.push(`  '${site}': {`)
  for (const field of Object.keys(groups[site]!).sort()) {
    const reason = KNOWN_DIFFERENCES[site]?.[field]?.reason ?? 'TODO'
    lines.push(`    ${field}: {`, `      reason: ${JSON.stringify(reason)},`)
    lines.push(`      paths: ${JSON.stringify(groups[site]![field]!.sort())},`, '    },')
  }
  lines.push('  },')
}
lines.push('}', '')
await writeFile(target, header + lines.join('\n'))
