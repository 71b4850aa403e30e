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
  given?: Partial<Author>,
): Promise<Author> {
  const lookup = async (key: string): Promise<string | undefined> =>
    ((await git.getConfig({ ...ctx, path: key })) as string | undefined) ??
    (await systemGitConfig(ctx.dir, key))
  const name = given?.name || (await lookup('user.name'))
  const email = given?.email || (await lookup('user.email'))
  const cleanName = name && gitIdentityPart(name)
  const cleanEmail = email && gitIdentityPart(email)
  if (!cleanName || !cleanEmail) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      'Inkpress needs your name and email to sign the commit. Set them with git config user.name and user.email.',
    )
  }
  return { name: cleanName, email: cleanEmail }
}

/** Whether git trims `char` from the ends of a name or email (ident.c's `crud`). */
const isCrud = (char: string): boolean => char <= ' ' || '.,:;<>"\\\''.includes(char)

/**
 * A name or email as git writes it into a commit: no `<`, `>` or line breaks inside, and
 * no crud at either end. Without this, a name like "Ann <the writer>" makes a commit that
 * `git fsck` rejects (and servers with receive.fsckObjects refuse every later push).
 */
export function gitIdentityPart(value: string): string {
  const inner = value.replace(/[<>\n]/g, '')
  let start = 0
  let end = inner.length
  while (start < end && isCrud(inner.charAt(start))) start++
  while (end > start && isCrud(inner.charAt(end - 1))) end--
  return inner.slice(start, end)
}
