import { describe, expect, it } from 'vitest'
import { BlockGrouper, GROUP_SIZE } from './block-groups'

const keys = (count: number, prefix = 'k') => Array.from({ length: count }, (_, i) => prefix + i)

/** Which group each key is in. */
function membership(grouper: BlockGrouper, list: string[]): Map<string, string> {
  const result = new Map<string, string>()
  for (const group of grouper.group(list)) {
    for (let index = group.start; index < group.end; index++)
      result.set(list[index] ?? '', group.id)
  }
  return result
}

describe('grouping preview blocks', () => {
  it('cuts a document into contiguous groups of at most GROUP_SIZE blocks', () => {
    const list = keys(GROUP_SIZE * 2 + 5)
    const groups = new BlockGrouper().group(list)
    expect(groups.map((group) => group.end - group.start)).toEqual([GROUP_SIZE, GROUP_SIZE, 5])
    expect(groups.map((group) => group.start)).toEqual([0, GROUP_SIZE, GROUP_SIZE * 2])
    expect(new Set(groups.map((group) => group.id)).size).toBe(3)
  })

  it('keeps every block in its group when blocks are added or removed before it', () => {
    const grouper = new BlockGrouper()
    const list = keys(80)
    const before = membership(grouper, list)
    // A new block near the start joins its neighbour's group; one further on is deleted.
    const edited = [...list.slice(0, 3), 'new', ...list.slice(3, 40), ...list.slice(41)]
    const after = membership(grouper, edited)
    const moved = edited.filter((key) => before.has(key) && before.get(key) !== after.get(key))
    // The first group is full, so only its last block moves on (one block rebuilt, not dozens).
    expect(moved).toEqual([list[GROUP_SIZE - 1]])
    expect(after.get('new')).toBe(after.get(list[2] ?? ''))
  })

  it('never lets a group appear twice', () => {
    const grouper = new BlockGrouper()
    grouper.group(['a', 'b', 'c', 'd'])
    const groups = grouper.group(['a', 'x', 'd', 'b'])
    expect(new Set(groups.map((group) => group.id)).size).toBe(groups.length)
    expect(groups.at(-1)?.end).toBe(4)
  })
})
