import { describe, expect, it } from 'vitest'
import { progressOf } from './progress'

const event = (phase: string, loaded: number, total: number | null = null) => ({
  operation: 'publish',
  phase,
  loaded,
  total,
})

describe('progressOf', () => {
  it('places each phase on one bar, in order', () => {
    const scan = progressOf(event('scan', 0))
    const halfPushed = progressOf(event('push', 5, 10))
    const done = progressOf(event('done', 1, 1))
    expect(scan).toEqual({ label: 'Looking for changes', fraction: 0 })
    expect(halfPushed.label).toBe('Sending to the server')
    expect(halfPushed.fraction).toBeCloseTo(0.74)
    expect(done).toEqual({ label: 'Done', fraction: 1 })
  })

  it('never moves backwards when a phase repeats its start', () => {
    const before = progressOf(event('fetch', 9, 10))
    const repeated = progressOf(event('fetch', 0), before)
    expect(repeated.fraction).toBe(before.fraction)
  })
})
