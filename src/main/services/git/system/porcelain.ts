import type { FileState } from '../../../../shared/api/git-types'

/** One path whose working file differs from the last commit, as a writer would publish it. */
export interface PorcelainChange {
  path: string
  state: Exclude<FileState, 'unchanged'>
}

export interface PorcelainStatus {
  /** Undefined before the first commit. */
  headOid?: string
  /** Undefined when HEAD is detached. */
  branch?: string
  changes: PorcelainChange[]
  /** Paths a native merge left unmerged. */
  unmerged: string[]
  /** Paths whose index entry differs from HEAD (staged by any program), submodules included. */
  staged: string[]
}

const ABSENT = '000000'

/** Splits the first `count` space-separated fields off a record; the rest is the path. */
function fields(record: string, count: number): { parts: string[]; rest: string } {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i < count; i++) {
    const end = record.indexOf(' ', start)
    if (end < 0) return { parts, rest: '' }
    parts.push(record.slice(start, end))
    start = end + 1
  }
  return { parts, rest: record.slice(start) }
}

/**
 * Reads `git status --porcelain=v2 -z --branch --untracked-files=all`: the publishable
 * difference between the working tree and HEAD. Submodules (their commits are the theme's
 * business, not the writer's) and nested repositories (`? dir/`) are never offered.
 */
export function parsePorcelainV2(output: string): PorcelainStatus {
  const records = output.split('\0')
  const status: PorcelainStatus = { changes: [], unmerged: [], staged: [] }
  const byPath = new Map<string, PorcelainChange>()
  const add = (path: string, state: PorcelainChange['state']): void => {
    byPath.set(path, { path, state })
  }
  for (let i = 0; i < records.length; i++) {
    const record = records[i] ?? ''
    if (record === '') continue
    const kind = record[0]
    if (kind === '#') {
      const [, key, value] = /^# (\S+) (.*)$/.exec(record) ?? []
      if (key === 'branch.oid' && value !== '(initial)') status.headOid = value
      if (key === 'branch.head' && value !== '(detached)') status.branch = value
    } else if (kind === '?') {
      const path = record.slice(2)
      if (!path.endsWith('/')) add(path, 'new')
    } else if (kind === '1' || kind === '2') {
      // 1 XY sub mH mI mW hH hI path | 2 XY sub mH mI mW hH hI Xscore path\0origPath
      const { parts, rest } = fields(record, kind === '1' ? 8 : 9)
      const [, xy, sub, modeHead, , modeWork] = parts
      const origPath = kind === '2' ? records[++i] : undefined
      if (xy?.[0] !== '.') status.staged.push(rest, ...(origPath === undefined ? [] : [origPath]))
      if (sub?.startsWith('S')) continue
      const inHead = modeHead !== ABSENT
      const inWork = modeWork !== ABSENT
      if (kind === '2') {
        // A staged rename: the old name leaves HEAD's tree, the new one arrives.
        if (origPath !== undefined) add(origPath, 'deleted')
        if (inWork) add(rest, 'new')
        continue
      }
      if (inHead && inWork) add(rest, 'modified')
      else if (inHead) add(rest, 'deleted')
      else if (inWork) add(rest, 'new')
    } else if (kind === 'u') {
      status.unmerged.push(fields(record, 10).rest)
    }
  }
  status.changes = [...byPath.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  )
  return status
}

/** `git log -z --format=%H%x00%an%x00%ae%x00%at%x00%B`: five fields per commit. */
export function parseLog(
  output: string,
): { oid: string; authorName: string; authorEmail: string; timestamp: number; message: string }[] {
  const parts = output.split('\0')
  const commits = []
  for (let i = 0; i + 4 < parts.length; i += 5) {
    const oid = (parts[i] ?? '').replace(/^\n/, '')
    if (!oid) break
    commits.push({
      oid,
      authorName: parts[i + 1] ?? '',
      authorEmail: parts[i + 2] ?? '',
      timestamp: Number(parts[i + 3]),
      message: (parts[i + 4] ?? '').trim(),
    })
  }
  return commits
}
