import type { ProgressPhase, RemoteOptions } from '../remote-session'

const PROGRESS = /^(?:remote:\s*)?([A-Za-z][A-Za-z ]+):\s+\d+% \((\d+)\/(\d+)\)/

/** Turns git's progress lines ("Receiving objects:  45% (450/1000)") into progress events. */
export function progressLines(
  phase: ProgressPhase,
  onProgress: RemoteOptions['onProgress'],
): (line: string) => void {
  return (line) => {
    const match = PROGRESS.exec(line)
    if (match) {
      onProgress?.({ phase, loaded: Number(match[2]), total: Number(match[3]), detail: match[1] })
    }
  }
}
