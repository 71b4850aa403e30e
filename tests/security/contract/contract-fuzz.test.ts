import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { dispatchCall } from '../../../src/main/api/dispatch'
import { silentLogger } from '../../../src/main/services/logger'
import { CALL_NAMES, calls, type CallName } from '../../../src/shared/api'
import { ExternalUrl } from '../../../src/shared/api/schemas'
import { isAllowedExternalUrl } from '../../../src/shared/external-links'
import { ERROR_CODES } from '../../../src/shared/result'
import { snapshotTree } from '../support/temp-dir'
import { createTestWorld, SECRET, type TestWorld } from '../support/test-world'
import {
  HOSTILE_URLS,
  HUGE_STRING,
  ODD_INSIDE_PATHS,
  hostilePaths,
  isOptional,
  STRICT_STRING_SCHEMAS,
  takesString,
  validValueFor,
  WRONG_TYPES,
} from './hostile-arguments'

const OUTSIDE = '{OUTSIDE}'
const CALL_TIMEOUT_MS = 10_000

interface FuzzCase {
  call: CallName
  label: string
  /** Built once the temp world exists (hostile absolute paths point into it). */
  args: (outside: string) => unknown
  /** False when a hostile value sits in a free-text position (e.g. post text) and may be accepted. */
  mustFail: boolean
}

const tupleItems = (name: CallName): z.ZodType[] =>
  (calls[name].args.def as unknown as { items: z.ZodType[] }).items

const describeValue = (value: unknown): string => {
  if (typeof value === 'string')
    return value.length > 60 ? `string(${value.length})` : JSON.stringify(value)
  if (typeof value === 'function') return 'function'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Hostile argument lists for one call, derived from its zod tuple, so new calls are fuzzed too. */
function casesFor(name: CallName): FuzzCase[] {
  const items = tupleItems(name)
  const valid = items.map(validValueFor)
  const cases: FuzzCase[] = []
  for (const notAList of [null, 'posts/hello.md', { 0: 'posts/hello.md' }, 42, undefined]) {
    cases.push({
      call: name,
      label: `args = ${describeValue(notAList)}`,
      args: () => notAList,
      mustFail: true,
    })
  }
  cases.push({
    call: name,
    label: 'one extra argument',
    args: () => [...valid, 'extra'],
    mustFail: true,
  })
  const required = items.filter((item) => !isOptional(item)).length
  if (required > 0) {
    cases.push({
      call: name,
      label: 'missing arguments',
      args: () => valid.slice(0, required - 1),
      mustFail: true,
    })
  }
  items.forEach((schema, position) => {
    const at = (value: (outside: string) => unknown) => (outside: string) =>
      valid.map((v, index) => (index === position ? value(outside) : v))
    for (const wrong of WRONG_TYPES.filter((value) => !schema.safeParse(value).success)) {
      cases.push({
        call: name,
        label: `arg ${position} = ${describeValue(wrong)}`,
        args: at(() => wrong),
        mustFail: true,
      })
    }
    if (!takesString(schema)) return
    cases.push({
      call: name,
      label: `arg ${position} = huge string (>20 MB)`,
      args: at(() => HUGE_STRING),
      mustFail: true,
    })
    const strict = STRICT_STRING_SCHEMAS.has(schema)
    const hostile = [...hostilePaths(OUTSIDE), ...(schema === ExternalUrl ? HOSTILE_URLS : [])]
    for (const value of hostile) {
      cases.push({
        call: name,
        label: `arg ${position} = ${describeValue(value)}`,
        args: at((outside) => value.replaceAll(OUTSIDE, outside)),
        mustFail: strict,
      })
    }
    for (const value of ODD_INSIDE_PATHS) {
      cases.push({
        call: name,
        label: `arg ${position} = ${describeValue(value)}`,
        args: at(() => value),
        mustFail: false,
      })
    }
  })
  return cases
}

const CASES = CALL_NAMES.flatMap(casesFor)

function withTimeout<T>(promise: Promise<T>, label: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${label} did not answer`)), CALL_TIMEOUT_MS),
    ),
  ])
}

describe('contract fuzz: every call with hostile arguments', () => {
  let world: TestWorld
  let outsideBefore: Map<string, string>
  let gitBefore: Map<string, string>

  beforeAll(async () => {
    world = await createTestWorld('fuzz')
    outsideBefore = await snapshotTree(world.base, ['repo', 'appdata'])
    gitBefore = await snapshotTree(path.join(world.repo, '.git'))
  })

  afterAll(async () => {
    await world?.close()
  })

  it('covers every call in the contract', () => {
    expect(new Set(CASES.map((c) => c.call))).toEqual(new Set(CALL_NAMES))
  })

  it.each(CASES.map((c) => [`${c.call} ${c.label}`, c] as const))(
    '%s',
    async (_title, fuzzCase) => {
      const args = fuzzCase.args(world.outside)
      const result = await withTimeout(
        dispatchCall(world.session.handlers, fuzzCase.call, args, silentLogger),
        fuzzCase.call,
      )

      expect(typeof result.ok).toBe('boolean')
      if (fuzzCase.mustFail) expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(ERROR_CODES).toContain(result.error.code)
        expect(result.error.code, result.error.message).not.toBe('INTERNAL')
        expect(result.error.message.length).toBeGreaterThan(5)
        expect(result.error.message.length).toBeLessThan(1000)
        expect(result.error.message).not.toMatch(/\n\s+at /)
      }
      expect(JSON.stringify(result)).not.toContain(SECRET)

      // Nothing outside the repository (nor Git's own folder) was created, changed or deleted.
      expect(await snapshotTree(world.base, ['repo', 'appdata'])).toEqual(outsideBefore)
      expect(await snapshotTree(path.join(world.repo, '.git'))).toEqual(gitBefore)
      expect(existsSync(path.join(path.dirname(world.base), 'outside'))).toBe(false)
      // A hostile repo:open must not leave the session pointing elsewhere for the next case.
      const current = await world.session.handlers['repo:current']()
      if (current?.root !== world.repo) await world.session.open(world.repo)
    },
  )

  it('never handed a non-http(s)/mailto URL to the OS', () => {
    expect(world.openedExternally.filter((url) => !isAllowedExternalUrl(url))).toEqual([])
    expect(world.openedExternally).toEqual([])
  })
})
