import { describe, expect, it } from 'vitest'
import { afterSettledAndIdle } from './idle-value'

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('work deferred until typing settles', () => {
  it('runs once after the delay, and never when cancelled first', async () => {
    const runs: string[] = []
    afterSettledAndIdle(20, () => runs.push('kept'))
    const cancel = afterSettledAndIdle(20, () => runs.push('cancelled'))
    await wait(5)
    expect(runs).toEqual([])
    cancel()
    await wait(60)
    expect(runs).toEqual(['kept'])
  })
})
