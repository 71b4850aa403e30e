import { describe, expect, it } from 'vitest'
import { BlockKeyTracker, stableKeys } from './stable-keys'

const block = (key: string, startLine: number) => ({ key, startLine })

describe('stable React keys for preview blocks', () => {
  it('keeps the React key of a block re-rendered under a new key at the same line', () => {
    const previous = [block('1', 1), block('2', 3), block('3', 5)]
    const next = [block('1', 1), block('7', 3), block('3', 5)]
    expect(stableKeys(previous, ['1', '2', '3'], next)).toEqual(['1', '2', '3'])
  })

  it('carries an inherited key forward across renders', () => {
    const previous = [block('1', 1), block('7', 3)]
    const next = [block('1', 1), block('9', 3)]
    expect(stableKeys(previous, ['1', '2'], next)).toEqual(['1', '2'])
    expect(stableKeys(next, ['1', '2'], [block('1', 1), block('9', 4)])).toEqual(['1', '2'])
  })

  it('gives new blocks their own key and never repeats a key', () => {
    const previous = [block('1', 1), block('2', 3)]
    // Block "2" moved down keeps its key; the block now at line 3 is new and gets its own.
    const next = [block('1', 1), block('5', 3), block('2', 9), block('6', 12)]
    const keys = stableKeys(previous, ['1', '2'], next)
    expect(keys).toEqual(['1', '5', '2', '6'])
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('never hands out a key twice when a freed key is also a new block key', () => {
    const previous = [block('1', 1), block('2', 3)]
    const next = [block('1', 1), block('5', 3), block('5.1', 5)]
    const keys = stableKeys(previous, ['1', '5'], next)
    expect(keys).toEqual(['1', '5', '5.1'])
    const clash = stableKeys([block('2', 3)], ['5'], [block('6', 3), block('5', 8)])
    expect(clash[0]).toBe('5')
    expect(clash[1]).not.toBe('5')
  })

  it('starts from the render keys when nothing was shown', () => {
    expect(stableKeys([], [], [block('4', 1), block('5', 2)])).toEqual(['4', '5'])
  })
})

describe('the key tracker', () => {
  it('follows on from what it showed last', () => {
    const tracker = new BlockKeyTracker()
    expect(tracker.keysFor([block('1', 1), block('2', 3)])).toEqual(['1', '2'])
    expect(tracker.keysFor([block('1', 1), block('2', 4)])).toEqual(['1', '2'])
    expect(tracker.keysFor([block('1', 1), block('8', 4)])).toEqual(['1', '2'])
    expect(tracker.keysFor([block('1', 1), block('8', 4), block('9', 6)])).toEqual(['1', '2', '9'])
  })
})
