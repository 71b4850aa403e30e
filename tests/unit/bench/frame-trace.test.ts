import { describe, expect, it } from 'vitest'
import { keystrokeFrames, type TraceEvent } from '../../bench/frame-trace'

const PID = 7
const MAIN = 1
const WORKER = 2

function metadata(tid: number, name: string): TraceEvent {
  return { name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid, args: { name } }
}

/** A complete event on a thread, times in ms. */
function span(name: string, startMs: number, durMs: number, tid = MAIN, type?: string): TraceEvent {
  return {
    name,
    ph: 'X',
    ts: startMs * 1000,
    dur: durMs * 1000,
    pid: PID,
    tid,
    ...(type ? { args: { data: { type } } } : {}),
  }
}

/** One keystroke: input task at `at`, then a frame task after `idle` ms with nothing to do. */
function keystroke(at: number, inputMs: number, idle: number, frameMs: number): TraceEvent[] {
  const frameStart = at + inputMs + idle
  return [
    span('RunTask', at, inputMs),
    span('EventDispatch', at + 0.1, 0.2, MAIN, 'keydown'),
    span('EventDispatch', at + 0.4, inputMs - 0.5, MAIN, 'keypress'),
    span('RunTask', frameStart, frameMs),
    span('Commit', frameStart + frameMs - 1, 0.8),
  ]
}

describe('keystrokeFrames', () => {
  it('measures each key press to the end of its committing frame, and the idle wait apart', () => {
    const frames = keystrokeFrames([
      metadata(MAIN, 'CrRendererMain'),
      ...keystroke(100, 3, 10, 4),
      ...keystroke(200, 5, 0.5, 6),
    ])
    expect(frames).toHaveLength(2)
    expect(frames[0]?.toFrameEndMs).toBeCloseTo(17)
    expect(frames[0]?.idleWaitMs).toBeCloseTo(10)
    expect(frames[1]?.toFrameEndMs).toBeCloseTo(11.5)
    expect(frames[1]?.idleWaitMs).toBeCloseTo(0.5)
  })

  it('counts other tasks between input and frame as busy time, not as waiting', () => {
    const events = [metadata(MAIN, 'CrRendererMain'), ...keystroke(100, 3, 10, 4)]
    events.push(span('RunTask', 105, 4))
    const [frame] = keystrokeFrames(events)
    expect(frame?.idleWaitMs).toBeCloseTo(6)
    expect(frame?.toFrameEndMs).toBeCloseTo(17)
  })

  it('skips frames that committed nothing and nested tasks', () => {
    const events = [metadata(MAIN, 'CrRendererMain'), ...keystroke(100, 3, 10, 4)]
    // A frame task without a commit in the idle gap, and a task nested in the input task.
    events.push(span('RunTask', 106, 1), span('RunTask', 101, 1))
    const [frame] = keystrokeFrames(events)
    expect(frame?.toFrameEndMs).toBeCloseTo(17)
    expect(frame?.idleWaitMs).toBeCloseTo(9)
  })

  it('reads only the renderer main thread that handled the keys', () => {
    const events = [
      metadata(MAIN, 'CrRendererMain'),
      metadata(WORKER, 'DedicatedWorker thread'),
      ...keystroke(100, 3, 10, 4),
      span('RunTask', 104, 8, WORKER),
    ]
    const [frame] = keystrokeFrames(events)
    expect(frame?.idleWaitMs).toBeCloseTo(10)
  })

  it('fails clearly on a trace without key presses', () => {
    expect(() => keystrokeFrames([metadata(MAIN, 'CrRendererMain')])).toThrow(/key press/)
  })
})
