// Runs after `npm install`. npm 11 blocks dependency install scripts unless allowed, and
// package.json denies electron's own postinstall on purpose: its download failing would fail
// the whole install on machines that cannot reach the binary's host. We run the same
// download here instead, and a failure becomes one clear line rather than a broken install.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { electronExecutable, electronPackageDir } from './electron-binary.mjs'

const DOWNLOAD_TIMEOUT_MS = 180_000
const fallback =
  'the desktop window will not start on this machine; `npm start` opens browser mode instead.'

const dir = electronPackageDir()
if (!dir || electronExecutable()) process.exit(0)

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    `inkpress: Electron binary download skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set): ${fallback}`,
  )
  process.exit(0)
}

const child = spawn(process.execPath, [path.join(dir, 'install.js')], {
  cwd: dir,
  stdio: ['ignore', 'ignore', 'pipe'],
})
let errorText = ''
child.stderr.on('data', (chunk) => {
  errorText += chunk
})
const timer = setTimeout(() => child.kill('SIGKILL'), DOWNLOAD_TIMEOUT_MS)
child.on('close', (code, signal) => {
  clearTimeout(timer)
  if (code === 0 && electronExecutable()) process.exit(0)
  const firstLine = errorText.split('\n').find((line) => line.trim()) ?? ''
  const reason = signal
    ? 'timed out'
    : firstLine.replace(/^\w*Error:\s*/, '').slice(0, 160) || `exit code ${code}`
  console.log(`inkpress: could not download the Electron binary (${reason}): ${fallback}`)
  process.exit(0)
})
