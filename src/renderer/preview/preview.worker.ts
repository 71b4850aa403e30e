import { IncrementalMarkdownRenderer } from '../../shared/markdown/incremental'
import {
  ResponseEncoder,
  requestedText,
  type RenderRequest,
  type RenderResponse,
} from './preview-protocol'

/** The part of a dedicated worker's global scope we use (the web tsconfig has no WebWorker lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<RenderRequest>) => void) | null
  postMessage(message: RenderResponse): void
}

const scope = self as unknown as WorkerScope
const renderer = new IncrementalMarkdownRenderer()
const encoder = new ResponseEncoder()
let text = ''

scope.onmessage = (event) => {
  const started = performance.now()
  text = requestedText(text, event.data)
  const response = encoder.encode(event.data.version, renderer.render(text))
  scope.postMessage({ ...response, renderMs: performance.now() - started })
}
