import { describe, expect, it } from 'vitest'
import { diffRows, diffStats, mergeWithMarkers } from './line-diff'

const lines = (count: number, prefix = 'line') =>
  Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`).join('\n') + '\n'

describe('diffRows', () => {
  it('numbers old and new lines and marks additions and removals', () => {
    const rows = diffRows('a\nb\nc\n', 'a\nB\nc\nd\n')
    expect(rows).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'b', oldLine: 2 },
      { kind: 'added', text: 'B', newLine: 2 },
      { kind: 'same', text: 'c', oldLine: 3, newLine: 3 },
      { kind: 'added', text: 'd', newLine: 4 },
    ])
  })

  it('folds long unchanged stretches down to the context around a change', () => {
    const before = lines(40)
    const after = before.replace('line 20\n', 'line twenty\n')
    const rows = diffRows(before, after, 2)
    expect(rows[0]).toEqual({ kind: 'skipped', count: 17 })
    expect(rows.filter((row) => row.kind === 'same')).toHaveLength(4)
    expect(rows.at(-1)).toEqual({ kind: 'skipped', count: 18 })
  })

  it('shows a new file as all additions and identical texts as nothing', () => {
    expect(diffRows('', 'x\ny\n').map((row) => row.kind)).toEqual(['added', 'added'])
    expect(diffRows('same\n', 'same\n')).toEqual([{ kind: 'skipped', count: 1 }])
  })
})

describe('diffStats', () => {
  it('counts added and removed lines', () => {
    expect(diffStats('a\nb\n', 'a\nc\nd\n')).toEqual({ added: 2, removed: 1 })
  })
})

describe('mergeWithMarkers', () => {
  it('keeps shared lines and wraps each difference in mine/theirs markers', () => {
    const merged = mergeWithMarkers('title\nmine here\nend\n', 'title\ntheirs here\nend\n')
    expect(merged).toBe(
      'title\n<<<<<<< mine\nmine here\n=======\ntheirs here\n>>>>>>> theirs\nend\n',
    )
  })

  it('loses no line of either side', () => {
    const mine = 'a\nb\nmine 1\nc\nmine 2\n'
    const theirs = 'a\ntheirs 0\nb\nc\n'
    const merged = mergeWithMarkers(mine, theirs)
    for (const line of [...mine.split('\n'), ...theirs.split('\n')].filter(Boolean)) {
      expect(merged.split('\n')).toContain(line)
    }
  })
})
