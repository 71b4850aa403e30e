import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gitIdentityPart } from '../../../src/main/services/git/author'
import { git } from './fixtures'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkpress-identity-'))
  await git(dir, 'init', '-q')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const NAMES = [
  'Ann Writer',
  'Ann <the writer>',
  '  Ann <the writer>. ',
  '<Ann>',
  '"Quoted", Ann;',
  "O'Brien",
  'Zoë Ünïcode',
  'a<>b',
  '.:,;Ann',
  'Ann\\',
]

describe('gitIdentityPart', () => {
  it.each(NAMES)('writes %j as git itself does', async (name) => {
    await git(
      dir,
      '-c',
      `user.name=${name}`,
      '-c',
      'user.email=w@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'x',
    )
    expect(gitIdentityPart(name)).toBe(await git(dir, 'log', '-1', '--format=%an'))
  })
})
