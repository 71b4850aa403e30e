import { execFileSync } from 'node:child_process'

/** Whether a program answers `<program> <versionFlag>` (a generator the truth tests run). */
export function installed(program: string, versionFlag = '--version'): boolean {
  try {
    execFileSync(program, [versionFlag], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
