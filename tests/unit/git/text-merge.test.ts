import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mergeLines, mergeableText, threeWayMerge } from '../../../src/shared/text-merge'

const execFileAsync = promisify(execFile)

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkpress-merge-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** git's own answer: the merged text, or null when git reports a conflict. */
async function gitMergeFile(base: string, ours: string, theirs: string): Promise<string | null> {
  await writeFile(path.join(dir, 'ours'), ours)
  await writeFile(path.join(dir, 'base'), base)
  await writeFile(path.join(dir, 'theirs'), theirs)
  try {
    const { stdout } = await execFileAsync('git', ['merge-file', '-p', 'ours', 'base', 'theirs'], {
      cwd: dir,
    })
    return stdout
  } catch (error) {
    const status = (error as { code?: number }).code ?? 0
    if (status > 0 && status < 128) return null // the number of conflicts
    throw error
  }
}

function* pseudoRandom(seed: number): Generator<number> {
  let state = seed
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648
    yield state / 2147483648
  }
}

describe('mergeLines', () => {
  it('combines edits to different paragraphs and keeps line endings', () => {
    const base = 'Title\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n\r\nThird.'
    const ours = base.replace('Third.', 'Third, longer.')
    const theirs = base.replace('First paragraph.', 'First paragraph, edited.')
    expect(mergeLines(base, ours, theirs)).toBe(
      'Title\r\n\r\nFirst paragraph, edited.\r\n\r\nSecond paragraph.\r\n\r\nThird, longer.',
    )
  })

  it('refuses edits to the same line, and accepts the same edit made on both sides', () => {
    const base = 'a\nb\nc\n'
    expect(mergeLines(base, 'a\nB\nc\n', 'a\nbee\nc\n')).toBeNull()
    expect(mergeLines(base, 'a\nB\nc\n', 'a\nB\nc\n')).toBe('a\nB\nc\n')
  })

  it('agrees with git merge-file on random edits (merged text, or a conflict)', async () => {
    const random = pseudoRandom(7)
    const next = () => random.next().value as number
    let id = 0
    // Lines are unique, as paragraphs of a post almost always are: with repeated lines there
    // is more than one right alignment, and two correct merges may pick different ones.
    const text = (lines: number) =>
      Array.from({ length: lines }, () => `line ${id++}`).join('\n') + '\n'
    const edit = (source: string) => {
      const lines = source.split('\n')
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * lines.length)
        const kind = next()
        if (kind < 0.4) lines[at] = `changed ${id++}`
        else if (kind < 0.7) lines.splice(at, 0, `inserted ${id++}`)
        else lines.splice(at, 1)
      }
      return lines.join('\n')
    }
    let clean = 0
    for (let run = 0; run < 250; run++) {
      const base = text(6 + Math.floor(next() * 12))
      const ours = edit(base)
      const theirs = edit(base)
      const expected = await gitMergeFile(base, ours, theirs)
      expect(mergeLines(base, ours, theirs), JSON.stringify({ base, ours, theirs })).toBe(expected)
      if (expected !== null) clean++
    }
    // Both outcomes are exercised.
    expect(clean).toBeGreaterThan(50)
    expect(clean).toBeLessThan(240)
  })
})

describe('threeWayMerge', () => {
  it('takes every one-sided edit and marks only the lines both sides changed', () => {
    const base = 'title\n\nopening\n\nmiddle\n\nclosing'
    const mine = 'title, mine\n\nopening\n\nmiddle, mine\n\nclosing'
    const theirs = 'title\n\nopening, theirs\n\nmiddle, theirs\n\nclosing'
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      text:
        'title, mine\n\nopening, theirs\n\n' +
        '<<<<<<< mine\nmiddle, mine\n=======\nmiddle, theirs\n>>>>>>> theirs\n\nclosing',
      conflicts: 1,
    })
  })

  it('puts markers on lines of their own when a conflict reaches a last line without a break', () => {
    const merged = threeWayMerge('a\nend', 'a\nmine', 'a\ntheirs')
    expect(merged.text).toBe('a\n<<<<<<< mine\nmine\n=======\ntheirs\n>>>>>>> theirs\n')
  })
})

describe('mergeableText', () => {
  it('reads UTF-8 text and refuses binary or invalid bytes', () => {
    expect(mergeableText(new TextEncoder().encode('Grüße\n'))).toBe('Grüße\n')
    expect(mergeableText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBeNull()
    expect(mergeableText(new Uint8Array([0x66, 0xff, 0x66]))).toBeNull()
  })
})
