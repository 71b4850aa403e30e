import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { renderMarkdownToHtml } from '../../shared/markdown/pipeline'
import type { CliIO } from './command'
import { isRenderWorkerData } from './render-within-budget'
import { runCli } from './run-cli'

const io: CliIO = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
}

// Started again as a worker thread by `inkpress render` (see render-within-budget.ts).
if (!isMainThread && isRenderWorkerData(workerData)) {
  parentPort?.postMessage(renderMarkdownToHtml(workerData.inkpressRender))
} else {
  process.exitCode = await runCli(process.argv.slice(2), io)
}
