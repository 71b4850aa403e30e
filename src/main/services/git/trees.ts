import git from 'isomorphic-git'
import { writeLooseObject } from './loose-object'
import type { ParsedTreeEntry, RepoContext } from './repo-queue'

/** A file in a tree: its blob and mode. `null` means "absent". */
export interface FileEntry {
  oid: string
  mode: string
}

export type FileChanges = Map<string, FileEntry | null>

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

const TREE_CACHE_LIMIT = 256

function typeOfMode(mode: string): ParsedTreeEntry['type'] {
  if (mode === '040000') return 'tree'
  if (mode === '160000') return 'commit'
  return 'blob'
}

/**
 * Reads a tree object. Parsed here from the raw bytes (and cached by id) because
 * isomorphic-git's readTree is the slowest step on a folder with 10,000 posts.
 */
export async function readTreeEntries(
  ctx: RepoContext,
  treeOid: string,
): Promise<ParsedTreeEntry[]> {
  const cached = ctx.trees.get(treeOid)
  if (cached) return cached
  const { object, type } = await git.readObject({ ...ctx, oid: treeOid, format: 'content' })
  if (type !== 'tree') throw new Error(`${treeOid} is a ${type}, not a tree`)
  const bytes = Buffer.from(object as Uint8Array)
  const entries: ParsedTreeEntry[] = []
  let offset = 0
  while (offset < bytes.length) {
    const space = bytes.indexOf(0x20, offset)
    const nul = bytes.indexOf(0, space)
    const rawMode = bytes.toString('latin1', offset, space)
    const mode = rawMode.length === 5 ? `0${rawMode}` : rawMode
    entries.push({
      mode,
      path: bytes.toString('utf8', space + 1, nul),
      oid: bytes.toString('hex', nul + 1, nul + 21),
      type: typeOfMode(mode),
    })
    offset = nul + 21
  }
  if (ctx.trees.size >= TREE_CACHE_LIMIT) ctx.trees.clear()
  ctx.trees.set(treeOid, entries)
  return entries
}

/** Git orders tree entries by name bytes, as if folder names ended with "/". */
function treeSortKey(entry: ParsedTreeEntry): Buffer {
  return Buffer.from(entry.type === 'tree' ? `${entry.path}/` : entry.path, 'utf8')
}

function sortTreeEntries(entries: ParsedTreeEntry[]): ParsedTreeEntry[] {
  return entries
    .map((entry) => ({ entry, key: treeSortKey(entry) }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ entry }) => entry)
}

/** The bytes of a tree object, in one allocation (10,000 entries: ~2 ms instead of ~20). */
function serializeTree(entries: ParsedTreeEntry[]): Buffer {
  const heads = entries.map(
    (entry) => `${entry.mode === '040000' ? '40000' : entry.mode} ${entry.path}\0`,
  )
  let length = 0
  for (const head of heads) length += Buffer.byteLength(head, 'utf8') + 20
  const out = Buffer.allocUnsafe(length)
  let offset = 0
  entries.forEach((entry, i) => {
    offset += out.write(heads[i] as string, offset, 'utf8')
    offset += out.write(entry.oid, offset, 'hex')
  })
  return out
}

/** Writes a tree; `inGitOrder` skips sorting entries already in git's order. */
async function writeTreeEntries(
  ctx: RepoContext,
  entries: ParsedTreeEntry[],
  inGitOrder = false,
): Promise<string> {
  const sorted = inGitOrder ? entries : sortTreeEntries(entries)
  const oid = await writeLooseObject(ctx, 'tree', serializeTree(sorted))
  ctx.trees.set(oid, sorted)
  return oid
}

export async function treeOfCommit(ctx: RepoContext, commitOid: string): Promise<string> {
  const { commit } = await git.readCommit({ ...ctx, oid: commitOid })
  return commit.tree
}

/** Every file of a tree, keyed by path. */
export async function flattenTree(
  ctx: RepoContext,
  treeOid: string | undefined,
  prefix = '',
  out: Map<string, FileEntry> = new Map(),
): Promise<Map<string, FileEntry>> {
  if (!treeOid) return out
  for (const entry of await readTreeEntries(ctx, treeOid)) {
    const path = prefix + entry.path
    if (entry.type === 'tree') await flattenTree(ctx, entry.oid, `${path}/`, out)
    else if (entry.type === 'blob') out.set(path, { oid: entry.oid, mode: entry.mode })
  }
  return out
}

/**
 * Files that differ between two trees; `null` on a side means absent there.
 * Only descends into subtrees whose ids differ, so unchanged folders cost nothing.
 */
export async function diffTrees(
  ctx: RepoContext,
  before: string | undefined,
  after: string | undefined,
  prefix = '',
  out: Map<string, { before: FileEntry | null; after: FileEntry | null }> = new Map(),
): Promise<Map<string, { before: FileEntry | null; after: FileEntry | null }>> {
  if (before === after) return out
  const a = before ? await readTreeEntries(ctx, before) : []
  const b = after ? await readTreeEntries(ctx, after) : []
  const byName = new Map<string, { a?: ParsedTreeEntry; b?: ParsedTreeEntry }>()
  for (const entry of a) byName.set(entry.path, { a: entry })
  for (const entry of b) byName.set(entry.path, { ...byName.get(entry.path), b: entry })
  for (const [name, { a: ea, b: eb }] of byName) {
    if (ea && eb && ea.oid === eb.oid && ea.mode === eb.mode) continue
    const path = prefix + name
    const aTree = ea?.type === 'tree' ? ea.oid : undefined
    const bTree = eb?.type === 'tree' ? eb.oid : undefined
    if (aTree || bTree) await diffTrees(ctx, aTree, bTree, `${path}/`, out)
    const aFile = ea && ea.type === 'blob' ? { oid: ea.oid, mode: ea.mode } : null
    const bFile = eb && eb.type === 'blob' ? { oid: eb.oid, mode: eb.mode } : null
    if (aFile || bFile) out.set(path, { before: aFile, after: bFile })
  }
  return out
}

/** The blob at `path` inside a tree, or null. */
export async function fileInTree(
  ctx: RepoContext,
  treeOid: string | undefined,
  path: string,
): Promise<FileEntry | null> {
  let current = treeOid
  const parts = path.split('/')
  for (let i = 0; i < parts.length && current; i++) {
    const entry = (await readTreeEntries(ctx, current)).find((e) => e.path === parts[i])
    if (!entry) return null
    if (i === parts.length - 1)
      return entry.type === 'blob' ? { oid: entry.oid, mode: entry.mode } : null
    current = entry.type === 'tree' ? entry.oid : undefined
  }
  return null
}

/**
 * Writes a new tree equal to `baseTree` with `changes` applied, rewriting only the
 * folders that contain a change (so a 10,000-file tree costs a few small writes).
 */
export async function applyTreeChanges(
  ctx: RepoContext,
  baseTree: string | undefined,
  changes: FileChanges,
): Promise<string> {
  const entries = new Map<string, ParsedTreeEntry>()
  if (baseTree)
    for (const entry of await readTreeEntries(ctx, baseTree)) entries.set(entry.path, entry)
  // A Map keeps the base tree's (git) order for replaced and removed entries; only a new
  // name, or a file turning into a folder or back, needs a sort.
  let inGitOrder = true
  const put = (entry: ParsedTreeEntry): void => {
    const previous = entries.get(entry.path)
    if (!previous || (previous.type === 'tree') !== (entry.type === 'tree')) inGitOrder = false
    entries.set(entry.path, entry)
  }

  const nested = new Map<string, FileChanges>()
  for (const [path, change] of changes) {
    const slash = path.indexOf('/')
    if (slash < 0) {
      if (change) put({ path, mode: change.mode, oid: change.oid, type: 'blob' })
      else entries.delete(path)
      continue
    }
    const folder = path.slice(0, slash)
    let sub = nested.get(folder)
    if (!sub) nested.set(folder, (sub = new Map()))
    sub.set(path.slice(slash + 1), change)
  }
  for (const [folder, subChanges] of nested) {
    const existing = entries.get(folder)
    const subTree = await applyTreeChanges(
      ctx,
      existing?.type === 'tree' ? existing.oid : undefined,
      subChanges,
    )
    if (subTree === EMPTY_TREE) entries.delete(folder)
    else put({ path: folder, mode: '040000', oid: subTree, type: 'tree' })
  }
  return writeTreeEntries(ctx, [...entries.values()], inGitOrder)
}
