import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** The e2e suites drive the built app; build once if `npm test` did not already. */
export default function globalSetup(): void {
  if (existsSync('out/renderer/index.html') && existsSync('out/main/index.js')) return
  execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: 'inherit',
  })
}
