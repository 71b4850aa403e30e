import git from 'isomorphic-git'
import fs from 'node:fs'
import { lstat, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../../shared/result'

/**
 * What isomorphic-git cannot honour, found before anything is written. Each entry names the
 * feature in the writer's words; publishing is refused with one sentence. Native git is the
 * engine wherever it is installed, so these repositories publish fine there.
 */

const exists = (file: string): Promise<boolean> =>
  lstat(file).then(
    () => true,
    () => false,
  )

/**
 * The index's version, entry flags and extensions. Hand-written because isomorphic-git reads
 * the index without reporting what it did not understand (a split index, skip-worktree or
 * assume-unchanged entries): it only needs the header, the flag bits and the extension names.
 */
export function indexFeatures(buffer: Buffer): string[] {
  if (buffer.length < 12 || buffer.toString('latin1', 0, 4) !== 'DIRC') return []
  const version = buffer.readUInt32BE(4)
  if (version !== 2 && version !== 3) return [`index format version ${version}`]
  const found = new Set<string>()
  const count = buffer.readUInt32BE(8)
  let offset = 12
  for (let i = 0; i < count && offset + 62 <= buffer.length; i++) {
    const flags = buffer.readUInt16BE(offset + 60)
    if (flags & 0x8000) found.add('files marked assume-unchanged')
    let nameStart = offset + 62
    if (flags & 0x4000) {
      const extended = buffer.readUInt16BE(nameStart)
      if (extended & 0x4000) found.add('files marked skip-worktree (sparse checkout)')
      if (extended & 0x2000) found.add('files added with --intent-to-add')
      nameStart += 2
    }
    const nameEnd = buffer.indexOf(0, nameStart)
    if (nameEnd < 0) break
    // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
    const length = nameEnd - offset
    offset += Math.ceil((length + 1) / 8) * 8
  }
  while (offset + 8 <= buffer.length - 20) {
    const signature = buffer.toString('latin1', offset, offset + 4)
    const size = buffer.readUInt32BE(offset + 4)
    if (signature === 'link') found.add('a split index')
    if (signature === 'sdir') found.add('a sparse index')
    offset += 8 + size
  }
  return [...found]
}

const FILTER_ATTRIBUTE = /(^|\s)(filter|eol|text|crlf|working-tree-encoding|ident)(=|\s|$)/

async function attributeFeatures(dir: string, gitdir: string): Promise<string[]> {
  const files = [path.join(dir, '.gitattributes'), path.join(gitdir, 'info', 'attributes')]
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '')
    const active = text.split('\n').filter((l) => !/^\s*(#|$)/.test(l))
    if (active.some((l) => /filter=lfs/.test(l))) return ['Git LFS files']
    if (active.some((l) => FILTER_ATTRIBUTE.test(l))) {
      return ['.gitattributes filters or line-ending conversion']
    }
  }
  return []
}

async function configFeatures(dir: string, gitdir: string): Promise<string[]> {
  const read = async (key: string) =>
    (await git.getConfig({ fs, dir, gitdir, path: key })) as unknown
  const found: string[] = []
  if ((await read('extensions.objectFormat')) === 'sha256') found.push('SHA-256 object names')
  const autocrlf = await read('core.autocrlf')
  if (autocrlf === true || autocrlf === 'true' || autocrlf === 'input') {
    found.push('line-ending conversion (core.autocrlf)')
  }
  if (await read('core.eol')) found.push('line-ending conversion (core.eol)')
  if (await read('core.excludesFile')) found.push('an ignore file of its own (core.excludesFile)')
  const sparse = await read('core.sparseCheckout')
  if (sparse === true || sparse === 'true') found.push('a sparse checkout')
  const split = await read('core.splitIndex')
  if (split === true || split === 'true') found.push('a split index')
  if (Number(await read('core.repositoryformatversion')) > 0) {
    found.push('repository format extensions')
  }
  return found
}

async function stateFeatures(gitdir: string): Promise<string[]> {
  const found: string[] = []
  for (const [file, what] of [
    ['MERGE_HEAD', 'a merge in progress'],
    ['rebase-merge', 'a rebase in progress'],
    ['rebase-apply', 'a rebase in progress'],
    ['CHERRY_PICK_HEAD', 'a cherry-pick in progress'],
    ['REVERT_HEAD', 'a revert in progress'],
    ['shallow', 'an incomplete (shallow) history'],
    ['sharedindex', 'a split index'],
  ] as const) {
    if (await exists(path.join(gitdir, file))) found.push(what)
  }
  return found
}

/** Tracked paths isomorphic-git would change: submodules, symlinks, names it cannot encode. */
async function treeFeatures(dir: string, gitdir: string): Promise<string[]> {
  let head: string
  try {
    head = await git.resolveRef({ fs, dir, gitdir, ref: 'HEAD' })
  } catch {
    return []
  }
  const found = new Set<string>()
  const walked = git.walk({
    fs,
    dir,
    gitdir,
    trees: [git.TREE({ ref: head })],
    map: async (filepath, [entry]) => {
      const mode = entry ? await entry.mode() : 0
      if (mode === 0o160000) found.add('submodules')
      if (mode === 0o120000) found.add('symbolic links')
      if (filepath.includes('\\') || filepath.includes('\uFFFD')) {
        found.add('file names with backslashes or in another encoding than UTF-8')
      }
      return undefined
    },
  })
  // isomorphic-git refuses to even read some names (a backslash, `..`); that is a refusal too.
  await walked.catch(() => found.add('file names isomorphic-git cannot read'))
  return [...found]
}

/** Refuses a repository isomorphic-git cannot publish from exactly as git would. */
export async function assertIsomorphicCanPublish(dir: string, gitdir: string): Promise<void> {
  const gitEntry = await lstat(path.join(dir, '.git')).catch(() => undefined)
  const features: string[] = []
  if (gitEntry && !gitEntry.isDirectory()) features.push('a linked work tree')
  else {
    const index = await readFile(path.join(gitdir, 'index')).catch(() => undefined)
    features.push(
      ...(await stateFeatures(gitdir)),
      ...(await configFeatures(dir, gitdir)),
      ...(index ? indexFeatures(index) : []),
      ...(await attributeFeatures(dir, gitdir)),
      ...(await treeFeatures(dir, gitdir)),
    )
    if (await exists(path.join(dir, '.gitmodules'))) features.push('submodules')
  }
  const unique = [...new Set(features)]
  if (unique.length > 0) {
    throw new AppFailure(
      'UNSUPPORTED_REPOSITORY',
      `This repository uses ${unique.join(', ')}, which Inkpress cannot publish without Git. Install Git (git-scm.com) and Inkpress will publish this repository with it; nothing was changed.`,
    )
  }
}

/**
 * A symbolic link anywhere in the work tree (outside ignored folders) is refused before
 * isomorphic-git reads or rewrites anything: published wrongly, a link would carry the bytes
 * of what it points to, such as a file outside the repository.
 */
export async function assertNoUntrackedSymlinks(
  dir: string,
  isIgnored: (filepath: string) => Promise<boolean>,
): Promise<void> {
  const pending = ['']
  while (pending.length > 0) {
    const folder = pending.pop() as string
    const entries = await readdir(path.join(dir, folder), { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name
      if (entry.name === '.git' || !(entry.isDirectory() || entry.isSymbolicLink())) continue
      if (await isIgnored(relative)) continue
      if (entry.isSymbolicLink()) {
        throw new AppFailure(
          'UNSUPPORTED_REPOSITORY',
          `This repository contains a symbolic link (${relative}), which Inkpress cannot publish without Git. Install Git (git-scm.com) and Inkpress will publish this repository with it; nothing was changed.`,
        )
      }
      pending.push(relative)
    }
  }
}
