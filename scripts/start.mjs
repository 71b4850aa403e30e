// `npm start`: build if needed, then the desktop app where Electron can run, else browser mode.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronExecutable } from './electron-binary.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const extraArgs = process.argv.slice(2)

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

function buildIfStale() {
  const marker = path.join(root, 'out', 'renderer', 'index.html')
  if (existsSync(marker) && statSync(marker).mtimeMs >= newestMtime(path.join(root, 'src'))) return
  console.log('inkpress: building…')
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function desktopUnavailableReason() {
  if (!electronExecutable()) return 'the Electron binary is not installed'
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no display'
  return null
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

buildIfStale()
const reason = desktopUnavailableReason()
if (reason) {
  console.log(`inkpress: desktop app unavailable (${reason}); starting browser mode instead.`)
  run(process.execPath, [path.join(root, 'bin', 'inkpress.js'), 'serve', ...extraArgs])
} else {
  // Chromium refuses to start as root with its OS sandbox on; renderer sandboxing stays on.
  const sandboxFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  run(electronExecutable(), [root, ...sandboxFlags, ...extraArgs])
}
