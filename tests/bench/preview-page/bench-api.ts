/** What the bench page exposes on `window.inkpressBench` for preview.bench.ts to drive. */
export interface KeystrokeResult {
  previewMs: number
  frameMs: number
  /** Keystroke → the editor handing the new text to the page (CodeMirror's update listener). */
  toEditorChangeMs: number
  /** That hand-over → the preview showing the keystroke: the preview's own share. */
  editorChangeToPreviewMs: number
  /** Keystroke → text posted to the preview worker. */
  toWorkerMs: number
  /** Posted → worker's answer received. */
  workerMs: number
  /** Of which the worker spent rendering. */
  workerRenderMs: number
  /** Whether the worker's answer was handled before the keystroke's first frame began. */
  answeredBeforeFrame: boolean
  /** Whether the preview showed the keystroke before the keystroke's first frame was rendered. */
  previewInFirstFrame: boolean
  /** The key event's time stamp → its first listener running (queueing before the input task). */
  dispatchDelayMs: number
}

export interface PreviewBenchApi {
  postBytes: number
  ready(): Promise<void>
  placeCursorInParagraph(): number
  expectKeystroke(line: number, expected: string): void
  keystrokeResult(): Promise<KeystrokeResult>
  /** 1-based source line at the top of the editor's / the preview's visible area. */
  editorTopLine(): number
  previewTopLine(): number
  /** The remark pipeline alone (text → hast), without putting the result in the page. */
  naivePipelineOnlyMs(times: number): number[]
  /** The remark pipeline and React, text → preview DOM, for the whole post. */
  naiveFullRenderMs(times: number): number[]
  markdownItFullRenderMs(times: number): number[]
}

declare global {
  interface Window {
    inkpressBench: PreviewBenchApi
  }
}
