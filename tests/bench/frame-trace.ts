/**
 * Reads a Chromium performance trace of a typing run and tells, per keystroke, how long the
 * page took from the keystroke to a painted frame without counting the time it sat idle
 * waiting for the display's next refresh.
 *
 * Why a trace: at 60 Hz a keystroke lands at a random point of a 16.7 ms refresh period, and the
 * page cannot paint before the next period starts, so "keystroke → painted frame" measured in
 * the page always includes up to 16.7 ms of waiting that no code can remove (an empty page's
 * textarea measures p99 ≈ 18 ms that way, see `editor.emptyPageKeystrokeToFrameMs`). The trace
 * shows the renderer's main thread task by task: the input task, the frame task (animation
 * frame callbacks, style, layout, paint, commit) and the idle gap between them.
 */

export interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { type?: string } }
}

export interface KeystrokeFrame {
  /** Start of the task that handled the key → end of the task that painted and committed the frame. */
  toFrameEndMs: number
  /** Time in between when the main thread had nothing to do but wait for the next refresh. */
  idleWaitMs: number
}

interface Span {
  start: number
  end: number
}

/** The renderer main thread's events, found as the thread that dispatched the key events. */
function rendererMainEvents(events: readonly TraceEvent[]): TraceEvent[] {
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  )
  const byThread = new Map<string, TraceEvent[]>()
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`
    if (!mainThreads.has(thread) || event.ph !== 'X' || event.dur === undefined) continue
    let list = byThread.get(thread)
    if (!list) byThread.set(thread, (list = []))
    list.push(event)
  }
  const typing = [...byThread.values()].find((list) =>
    list.some((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keypress'),
  )
  if (!typing) throw new Error('The trace has no renderer thread that handled a key press')
  // An outer event before the ones it holds, even when they start together.
  return typing.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
}

function spanOf(event: TraceEvent): Span {
  return { start: event.ts / 1000, end: (event.ts + (event.dur ?? 0)) / 1000 }
}

/** The outermost tasks, in order: nested run loops record tasks inside tasks. */
function topLevelTasks(main: readonly TraceEvent[]): Span[] {
  const tasks: Span[] = []
  for (const event of main) {
    if (event.name !== 'RunTask') continue
    const span = spanOf(event)
    const outer = tasks[tasks.length - 1]
    if (!outer || span.start >= outer.end) tasks.push(span)
  }
  return tasks
}

/** Index of the task holding `span`, searching on from `from` (both are in time order). */
function taskHolding(tasks: readonly Span[], span: Span, from: number): number {
  let index = from
  while (index < tasks.length && (tasks[index]?.end ?? 0) < span.end) index++
  const task = tasks[index]
  return task && task.start <= span.start ? index : -1
}

/**
 * One entry per key press in the trace (in order). A key press's frame is the first frame
 * after its input task that committed something: the one that shows the typed character.
 * One pass over the tasks in time order: a trace of 100 keystrokes holds tens of thousands.
 */
export function keystrokeFrames(events: readonly TraceEvent[]): KeystrokeFrame[] {
  const main = rendererMainEvents(events)
  const tasks = topLevelTasks(main)
  const committed = new Set<number>()
  let cursor = 0
  for (const commit of main.filter((event) => event.name === 'Commit').map(spanOf)) {
    const index = taskHolding(tasks, commit, cursor)
    if (index >= 0) committed.add((cursor = index))
  }
  const keyPresses = main
    .filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keypress')
    .map(spanOf)
  const frames: KeystrokeFrame[] = []
  cursor = 0
  for (const keyPress of keyPresses) {
    const inputIndex = taskHolding(tasks, keyPress, cursor)
    const inputTask = tasks[inputIndex]
    if (!inputTask) continue
    cursor = inputIndex
    let busyInBetween = 0
    let frameIndex = inputIndex + 1
    for (; frameIndex < tasks.length && !committed.has(frameIndex); frameIndex++) {
      const task = tasks[frameIndex]
      if (task) busyInBetween += task.end - task.start
    }
    const frameTask = tasks[frameIndex]
    if (!frameTask) continue
    const idleWaitMs = frameTask.start - inputTask.end - busyInBetween
    frames.push({ toFrameEndMs: frameTask.end - inputTask.start, idleWaitMs })
  }
  return frames
}
