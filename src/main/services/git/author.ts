import { execFile } from 'node:child_process'
import git from 'isomorphic-git'
import { AppFailure } from '../../../shared/result'
import type fs from 'node:fs'

export interface Author {
  name: string
  email: string
}

function systemGitConfig(cwd: string, key: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: 5_000 }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim() || undefined),
    )
  })
}

/**
 * The given author, else user.name/user.email from the repository's config, else from the
 * system git's global config (isomorphic-git reads only the repository's own config).
 */
export async function resolveAuthor(
  ctx: { fs: typeof fs; dir: string; gitdir: string },
  given?: Partial<Author>): Promise<Author> {
  const lookup = async (key: string): Promise<string | undefined> =>
    ((await git.getConfig({ ...ctx, path: key })) as string | undefined) ??
    (await systemGitConfig(ctx.dir, key))
  const name = given?.name || (await lookup('user.name'))
  const email = given?.email || (await lookup('user.email'))
  if (!name || !email) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      'Inkpress needs your name and email to sign the commit. Set them with git config user.name and user.email.',
    )
  }
  return { name, email }
}
