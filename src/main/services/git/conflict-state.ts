import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomically } from '../files/atomic-write'

export type ConflictChoice = 'mine' | 'theirs' | 'edited'

/** A conflict waiting for the writer, kept in `.git/inkpress/conflict.json`. */
export interface ConflictState {
  /** Ref that keeps the writer's commits safe, e.g. refs/inkpress/recovery/20240101T120000Z */
  recoveryRef: string
  localOid: string
  remoteOid: string
  paths: string[]
  /** Resolved paths, with the server's blob they were resolved against (null = deleted there). */
  resolutions: Record<string, { choice: ConflictChoice; remoteBlob: string | null }>
}

/** `stateDir` is the repository's `.git/inkpress` (per work tree). */
const stateFile = (stateDir: string): string => path.join(stateDir, 'conflict.json')

export async function readConflictState(stateDir: string): Promise<ConflictState | undefined> {
  try {
    return JSON.parse(await readFile(stateFile(stateDir), 'utf8')) as ConflictState
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

export async function writeConflictState(stateDir: string, state: ConflictState): Promise<void> {
  await mkdir(path.dirname(stateFile(stateDir)), { recursive: true })
  await writeFileAtomically(stateFile(stateDir), JSON.stringify(state, null, 2))
}

export async function clearConflictState(stateDir: string): Promise<void> {
  await rm(stateFile(stateDir), { force: true })
}

export function unresolvedPaths(state: ConflictState): string[] {
  return state.paths.filter((p) => !(p in state.resolutions))
}
