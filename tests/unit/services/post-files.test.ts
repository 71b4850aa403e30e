import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readPostFile, savePostFile } from '../../../src/main/services/posts/post-files'
import { resolveInsideRepository } from '../../../src/main/services/repository/confine-path'

let root: string
let repo: string

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'inkpress-posts-'))
  repo = path.join(root, 'blog')
  await mkdir(path.join(repo, 'posts'), { recursive: true })
  await writeFile(path.join(repo, 'posts', 'a.md'), 'Original text\n')
  await writeFile(path.join(root, 'outside.md'), 'not yours')
})

afterEach(async () => {
  await chmod(path.join(repo, 'posts'), 0o755).catch(() => {})
  await rm(root, { recursive: true, force: true })
})

describe('reading and saving posts', () => {
  it('saves over the version it read and reports the new version', async () => {
    const doc = await readPostFile(repo, 'posts/a.md')
    const saved = await savePostFile(repo, 'posts/a.md', 'New text\n', doc.version)
    expect(await readFile(path.join(repo, 'posts', 'a.md'), 'utf8')).toBe('New text\n')
    expect(saved.version).not.toBe(doc.version)
    expect((await readPostFile(repo, 'posts/a.md')).version).toBe(saved.version)
  })

  it('refuses to overwrite a file changed on disk since it was read, unless told to', async () => {
    const doc = await readPostFile(repo, 'posts/a.md')
    await writeFile(path.join(repo, 'posts', 'a.md'), 'Edited by another program\n')
    await expect(savePostFile(repo, 'posts/a.md', 'Mine\n', doc.version)).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect(await readFile(path.join(repo, 'posts', 'a.md'), 'utf8')).toBe(
      'Edited by another program\n',
    )
    await savePostFile(repo, 'posts/a.md', 'Mine\n', doc.version, {
      overwriteExternalChanges: true,
    })
    expect(await readFile(path.join(repo, 'posts', 'a.md'), 'utf8')).toBe('Mine\n')
  })

  it('creates a new post when there is no base version and no file', async () => {
    await savePostFile(repo, 'posts/new.md', 'Fresh\n', null)
    expect(await readFile(path.join(repo, 'posts', 'new.md'), 'utf8')).toBe('Fresh\n')
  })

  it('explains a missing file, a binary file and invalid UTF-8', async () => {
    await expect(readPostFile(repo, 'posts/missing.md')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await writeFile(
      path.join(repo, 'posts', 'image.md'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
    )
    await expect(readPostFile(repo, 'posts/image.md')).rejects.toMatchObject({
      code: 'BINARY_FILE',
    })
    await writeFile(
      path.join(repo, 'posts', 'latin1.md'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    )
    await expect(readPostFile(repo, 'posts/latin1.md')).rejects.toMatchObject({
      code: 'BINARY_FILE',
    })
  })

  it('keeps the original and leaves no temp file when the folder is not writable', async (context) => {
    if (process.getuid?.() === 0) context.skip() // root ignores file permissions
    const doc = await readPostFile(repo, 'posts/a.md')
    await chmod(path.join(repo, 'posts'), 0o555)
    await expect(savePostFile(repo, 'posts/a.md', 'Lost?\n', doc.version)).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    })
    expect(await readFile(path.join(repo, 'posts', 'a.md'), 'utf8')).toBe('Original text\n')
    expect(await readdir(path.join(repo, 'posts'))).toEqual(['a.md'])
  })
})

describe('confining paths to the repository', () => {
  it('rejects parent escapes, absolute paths, Windows paths and .git', async () => {
    for (const bad of [
      '../outside.md',
      'posts/../../outside.md',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      'posts\\a.md',
      '.git/config',
    ]) {
      await expect(resolveInsideRepository(repo, bad)).rejects.toMatchObject({
        code: 'OUTSIDE_REPOSITORY',
      })
    }
    await expect(resolveInsideRepository(repo, 'posts/a\0.md')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
  })

  it('rejects a symlink that leads out of the repository, for reading and writing', async () => {
    await symlink(path.join(root, 'outside.md'), path.join(repo, 'posts', 'link.md'))
    await symlink(root, path.join(repo, 'escape'))
    await expect(readPostFile(repo, 'posts/link.md')).rejects.toMatchObject({
      code: 'OUTSIDE_REPOSITORY',
    })
    await expect(savePostFile(repo, 'escape/new.md', 'x', null)).rejects.toMatchObject({
      code: 'OUTSIDE_REPOSITORY',
    })
    expect(await readdir(root)).toEqual(['blog', 'outside.md'])
  })

  it('accepts ordinary nested paths, existing or not', async () => {
    expect(await resolveInsideRepository(repo, 'posts/a.md')).toBe(path.join(repo, 'posts', 'a.md'))
    expect(await resolveInsideRepository(repo, 'posts/new/deeper.md')).toBe(
      path.join(repo, 'posts', 'new', 'deeper.md'),
    )
  })
})
