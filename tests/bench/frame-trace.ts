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
  return typing.sort((a, b) => a.ts - b.ts)
}

function spanOf(event: TraceEvent): Span {
  return { start: event.ts / 1000, end: (event.ts + (event.dur ?? 0)) / 1000 }
}

function inside(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end
}

/**
 * One entry per key press in the trace (in order). A key press's frame is the first frame
 * after its input task that committed something: the one that shows the typed character.
 */
export function keystrokeFrames(events: readonly TraceEvent[]): KeystrokeFrame[] {
  const main = rendererMainEvents(events)
  const allTasks = main.filter((event) => event.name === 'RunTask').map(spanOf)
  // Nested run loops record tasks inside tasks; only the outermost ones take thread time.
  const tasks = allTasks.filter(
    (task) => !allTasks.some((other) => other !== task && inside(other, task)),
  )
  const commits = main.filter((event) => event.name === 'Commit').map(spanOf)
  const frameTasks = tasks.filter((task) => commits.some((commit) => inside(task, commit)))
  const keyPresses = main
    .filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keypress')
    .map(spanOf)
  const frames: KeystrokeFrame[] = []
  for (const keyPress of keyPresses) {
    const inputTask = tasks.find((task) => inside(task, keyPress))
    if (!inputTask) continue
    const frameTask = frameTasks.find((task) => task.start >= inputTask.end)
    if (!frameTask) continue
    const busyInBetween = tasks
      .filter((task) => task.start >= inputTask.end && task.end <= frameTask.start)
      .reduce((sum, task) => sum + (task.end - task.start), 0)
    const idleWaitMs = frameTask.start - inputTask.end - busyInBetween
    frames.push({ toFrameEndMs: frameTask.end - inputTask.start, idleWaitMs })
  }
  return frames
}
