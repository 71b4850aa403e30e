import { useEffect, useLayoutEffect, useRef, useState } from 'react'

/** Longest wait for idle time once the input has settled. */
const IDLE_TIMEOUT_MS = 1000

/**
 * Runs `callback` once `delayMs` have passed and then the page is idle (no input or frame
 * pending), so work over a whole post never delays a keystroke. Returns a cancel function.
 */
export function afterSettledAndIdle(delayMs: number, callback: () => void): () => void {
  let idle: number | null = null
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') {
      idle = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS })
    } else callback()
  }, delayMs)
  return () => {
    clearTimeout(timer)
    if (idle !== null) cancelIdleCallback(idle)
  }
}

/**
 * `compute(input)`, recomputed in idle time after `input` has stopped changing for `delayMs`
 * (the first value is computed at once). For derived figures such as word counts or excerpts
 * that read the whole post: typing never waits for them.
 */
export function useIdleValue<I, T>(input: I, compute: (input: I) => T, delayMs: number): T {
  const [value, setValue] = useState(() => compute(input))
  const computeRef = useRef(compute)
  useLayoutEffect(() => {
    computeRef.current = compute
  })
  useEffect(
    () => afterSettledAndIdle(delayMs, () => setValue(computeRef.current(input))),
    [input, delayMs],
  )
  return value
}
