import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** The installed electron package's folder, or null when it is not installed. */
export function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** The Electron executable if its binary was downloaded (electron writes path.txt when it is). */
export function electronExecutable() {
  const dir = electronPackageDir()
  if (!dir) return null
  const pathFile = path.join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const executable = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executable) ? executable : null
}
