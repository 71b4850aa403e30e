import { IncrementalMarkdownRenderer } from '../../shared/markdown/incremental'
import { ResponseEncoder, type RenderRequest, type RenderResponse } from './preview-protocol'

/** The part of a dedicated worker's global scope we use (the web tsconfig has no WebWorker lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<RenderRequest>) => void) | null
  postMessage(message: RenderResponse): void
}

const scope = self as unknown as WorkerScope
const renderer = new IncrementalMarkdownRenderer()
const encoder = new ResponseEncoder()

scope.onmessage = (event) => {
  const { version, text } = event.data
  const started = performance.now()
  const response = encoder.encode(version, renderer.render(text))
  scope.postMessage({ ...response, renderMs: performance.now() - started })
}
