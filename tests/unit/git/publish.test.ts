import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../src/shared/result'
import {
  getStatus,
  publish,
  resolveConflict,
  conflictVersions,
} from '../../../src/main/services/git'
import {
  bareGit,
  configureUser,
  createPlayground,
  ENGINE,
  credentials,
  git,
  post,
  pushFromOtherMachine,
  TOKEN,
  type Playground,
} from './fixtures'

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure)
    return error as AppFailure
  }
  throw new Error('expected the operation to fail')
}

let pg: Playground
beforeEach(async () => {
  pg = await createPlayground()
})
afterEach(async () => {
  await pg.cleanup()
})

const HELLO = 'posts/hello.md'

/** The hello post with three paragraphs; the middle one never changes. */
const paragraphs = (first: string, third: string) =>
  post('Hello', `${first}\n\nA middle paragraph.\n\n${third}`)

/** A laptop clone of a server whose hello post has three paragraphs. */
async function cloneWithParagraphs(): Promise<string> {
  await pushFromOtherMachine(pg, 'earlier', HELLO, paragraphs('Opening.', 'Closing.'))
  return pg.clone('laptop')
}

const editOnServer = (text: string) => pushFromOtherMachine(pg, 'desktop', HELLO, text)

async function commitLocally(dir: string, text: string, message: string): Promise<void> {
  await pg.write(dir, HELLO, text)
  await git(dir, 'commit', '-qam', message)
}

describe('publish', () => {
  it('commits the edited post and the push lands on the server', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello again', 'Edited text.'))
    const progress: string[] = []

    const result = await publish(dir, { credentials, onProgress: (e) => progress.push(e.phase) })

    expect(result.pushed).toBe(true)
    expect(result.message).toBe('Publish: Hello again')
    expect(await bareGit(pg.bare, 'log', '-1', '--format=%s|%an')).toBe(
      'Publish: Hello again|Test Writer',
    )
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('Edited text.')
    expect(await bareGit(pg.bare, 'rev-parse', 'main')).toBe(result.headOid)
    expect(progress).toEqual(expect.arrayContaining(['scan', 'commit', 'fetch', 'push', 'done']))
    const status = await getStatus(dir)
    expect(status).toMatchObject({ branch: 'main', upstream: 'origin/main', ahead: 0, files: [] })
    expect(await git(dir, 'status', '--porcelain')).toBe('')
  })

  it('generates "Update N posts", honours a custom message and only the chosen paths', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'changed'))
    await pg.write(dir, 'posts/second.md', post('Second', 'changed'))
    await pg.write(dir, 'posts/third.md', post('Third', 'new'))
    await rm(path.join(dir, 'posts/second.md'))
    const first = await publish(dir, { credentials, paths: ['posts/hello.md', 'posts/third.md'] })
    expect(first.message).toBe('Update 2 posts')
    expect(await bareGit(pg.bare, 'ls-tree', '--name-only', '-r', 'main')).toBe(
      'posts/hello.md\nposts/second.md\nposts/third.md',
    )
    const status = await getStatus(dir)
    expect(status.files).toEqual([{ path: 'posts/second.md', state: 'deleted' }])

    await publish(dir, { credentials, message: 'Remove the second post' })
    expect(await bareGit(pg.bare, 'log', '-1', '--format=%s')).toBe('Remove the second post')
    expect(await bareGit(pg.bare, 'ls-tree', '--name-only', '-r', 'main')).toBe(
      'posts/hello.md\nposts/third.md',
    )
  })

  it.skipIf(ENGINE === 'isomorphic')(
    'commits only the ticked posts while another tool has staged something else',
    async () => {
      const dir = await pg.clone('laptop')
      await pg.write(dir, 'posts/second.md', post('Second', 'Staged by another tool.'))
      await git(dir, 'add', 'posts/second.md')
      await pg.write(dir, 'posts/hello.md', post('Hello', 'Ticked in Inkpress.'))
      await publish(dir, { credentials, paths: ['posts/hello.md'] })
      expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('Ticked in Inkpress.')
      expect(await bareGit(pg.bare, 'show', 'main:posts/second.md')).toContain('Another post.')
      // The other tool's staged change is still staged, untouched.
      expect(await git(dir, 'status', '--porcelain')).toBe('M  posts/second.md')
      await git(dir, 'fsck', '--full', '--strict', '--no-dangling')
    },
  )

  it('reports a wrong token in plain words and keeps the commit and the edit', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Do not lose me.'))
    const before = await bareGit(pg.bare, 'rev-parse', 'main')

    const failure = await failureOf(
      publish(dir, { credentials: { username: 'writer', token: 'wrong-token-123' } }),
    )

    expect(failure.code).toBe('UNAUTHORIZED')
    expect(failure.message).toMatch(/refused the token/)
    expect(failure.message).toMatch(/saved on this computer/)
    expect(failure.message).not.toContain('wrong-token-123')
    expect(await bareGit(pg.bare, 'rev-parse', 'main')).toBe(before)
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Publish: Hello')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Do not lose me.')
    const status = await getStatus(dir)
    expect(status.ahead).toBe(1)
    expect(status.waitingSummary).toBe('1 commit waiting to publish')

    // The waiting commit goes out with the right token, without a new commit.
    const retry = await publish(dir, { credentials })
    expect(retry.commitOid).toBeUndefined()
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('Do not lose me.')
  })

  it('answers 403 for a token without write access', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    const failure = await failureOf(
      publish(dir, { credentials: { username: 'reader', token: 'read-only-token' } }),
    )
    expect(failure.code).toBe('FORBIDDEN')
    expect(failure.message).toMatch(/not allowed/)
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Publish: Hello')
  })

  it('explains when no token is available', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    const failure = await failureOf(publish(dir, { credentials: async () => undefined }))
    expect(failure.code).toBe('UNAUTHORIZED')
    expect(failure.message).toMatch(/needs a user name and token/)
  })

  it('never writes the token into .git/config or messages', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    await publish(dir, { credentials })
    pg.server.faults.dropReceivePackAfterBytes = 1
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit 2'))
    const failure = await failureOf(publish(dir, { credentials }))
    const config = await readFile(path.join(dir, '.git/config'), 'utf8')
    expect(config).not.toContain(TOKEN)
    expect(failure.message).not.toContain(TOKEN)
    expect(JSON.stringify(await getStatus(dir))).not.toContain(TOKEN)
  })
})

describe('the token on its way to git', () => {
  /** The command lines of this machine's processes. */
  async function commandLines(): Promise<string[]> {
    const lines: string[] = []
    for (const pid of await readdir('/proc').catch(() => [])) {
      if (!/^\d+$/.test(pid)) continue
      const line = await readFile(`/proc/${pid}/cmdline`, 'latin1').catch(() => '')
      if (line) lines.push(line.split('\0').join(' '))
    }
    return lines
  }

  it.runIf(process.platform === 'linux' && ENGINE === 'system')(
    'is in no argument or environment of any git run, and the cache holding it stops after the publish',
    async () => {
      const dir = await pg.clone('laptop')
      await pg.write(dir, 'posts/hello.md', post('Hello', 'watched'))
      // Every git run Inkpress starts goes through this wrapper, which records its arguments
      // and environment before running the real git.
      const log = path.join(pg.tmp, 'git-runs.log')
      const wrapper = path.join(pg.tmp, 'git-wrapper.sh')
      await writeFile(wrapper, `#!/bin/sh\n{ echo "ARGS $*"; env; } >> '${log}'\nexec git "$@"\n`, {
        mode: 0o755,
      })
      const daemons: string[] = []
      let publishing = true
      const watching = (async () => {
        while (publishing) {
          daemons.push(
            ...(await commandLines()).filter((l) => l.includes('credential-cache--daemon')),
          )
        }
      })()
      const previous = process.env.INKPRESS_GIT
      process.env.INKPRESS_GIT = wrapper
      try {
        await publish(dir, { credentials })
      } finally {
        publishing = false
        if (previous === undefined) delete process.env.INKPRESS_GIT
        else process.env.INKPRESS_GIT = previous
        await watching
      }
      const runs = await readFile(log, 'utf8')
      expect(runs).toMatch(/ARGS .*push/)
      expect(runs).toMatch(/ARGS .*credential-cache --socket \S+ --timeout \d+ store/)
      expect(runs).not.toContain(TOKEN)
      expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('watched')
      // The token lived in git's credential cache during the publish, and only then.
      const sockets = [...runs.matchAll(/credential-cache --socket (\S+) --timeout/g)].map(
        (match) => match[1] as string,
      )
      expect(sockets.length).toBeGreaterThan(0)
      expect(daemons.some((line) => sockets.some((socket) => line.includes(socket)))).toBe(true)
      await expect
        .poll(async () =>
          (await commandLines()).filter((line) => sockets.some((socket) => line.includes(socket))),
        )
        .toEqual([])
    },
  )
})

describe('publish when the server is ahead', () => {
  it('fast-forwards when there is nothing local', async () => {
    const dir = await pg.clone('laptop')
    await pushFromOtherMachine(
      pg,
      'desktop',
      'posts/second.md',
      post('Second', 'From the desktop.'),
    )

    const result = await publish(dir, { credentials })

    expect(result).toMatchObject({ integrated: 'fast-forward', pushed: false })
    expect(await pg.read(dir, 'posts/second.md')).toContain('From the desktop.')
    expect(await git(dir, 'rev-parse', 'HEAD')).toBe(await bareGit(pg.bare, 'rev-parse', 'main'))
    expect(await git(dir, 'status', '--porcelain')).toBe('')
  })

  it('brings in server commits with a read-only token (it may not see the push side)', async () => {
    const dir = await pg.clone('laptop')
    await pushFromOtherMachine(pg, 'desktop', 'posts/second.md', post('Second', 'Read only.'))

    const result = await publish(dir, {
      credentials: { username: 'reader', token: 'read-only-token' },
    })

    expect(result).toMatchObject({ integrated: 'fast-forward', pushed: false })
    expect(await pg.read(dir, 'posts/second.md')).toContain('Read only.')
  })

  it('sends the commit in one push request, reusing the advertisement it checked the server with', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'One request.'))
    const before = pg.server.receivePackRequests()
    await publish(dir, { credentials })
    expect(pg.server.receivePackRequests() - before).toBe(1)
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('One request.')
  })

  it('merges diverged server commits over their merge base, keeping every earlier tip', async () => {
    const dir = await pg.clone('laptop')
    await pushFromOtherMachine(
      pg,
      'desktop',
      'posts/second.md',
      post('Second', 'From the desktop.'),
    )
    const serverTip = await bareGit(pg.bare, 'rev-parse', 'main')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'From the laptop.'))

    const result = await publish(dir, { credentials })

    expect(result).toMatchObject({ integrated: 'merged', pushed: true })
    expect(await bareGit(pg.bare, 'log', '-1', '--format=%s%n%P', 'main')).toBe(
      `Merge the server's changes into main\n${result.commitOid} ${serverTip}`,
    )
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('From the laptop.')
    expect(await bareGit(pg.bare, 'show', 'main:posts/second.md')).toContain('From the desktop.')
    expect(await pg.read(dir, 'posts/second.md')).toContain('From the desktop.')
    expect(await git(dir, 'status', '--porcelain')).toBe('')
    expect((await getStatus(dir)).ahead).toBe(0)
  })

  it('combines edits to different paragraphs of the same post, as git would', async () => {
    const dir = await cloneWithParagraphs()
    await editOnServer(paragraphs('Opening, rewritten on the desktop.', 'Closing.'))
    await pg.write(dir, HELLO, paragraphs('Opening.', 'Closing, from the laptop.'))

    const result = await publish(dir, { credentials })

    const both = paragraphs('Opening, rewritten on the desktop.', 'Closing, from the laptop.')
    expect(result).toMatchObject({ integrated: 'merged', pushed: true, merged: [HELLO] })
    expect(await bareGit(pg.bare, 'show', `main:${HELLO}`)).toBe(both.trimEnd())
    expect(await pg.read(dir, HELLO)).toBe(both)
    expect(await git(dir, 'status', '--porcelain')).toBe('')
    expect((await getStatus(dir)).ahead).toBe(0)
  })

  it('keeps merged server edits when a later local commit touches the same post', async () => {
    const dir = await cloneWithParagraphs()
    await commitLocally(dir, paragraphs('Opening.', 'Closing, first draft.'), 'First local edit')
    await commitLocally(dir, paragraphs('Opening.', 'Closing, second draft.'), 'Second local edit')
    await editOnServer(paragraphs('Opening, from the desktop.', 'Closing.'))

    await publish(dir, { credentials })

    expect(await bareGit(pg.bare, 'log', '--format=%s', '--first-parent', '-3', 'main')).toBe(
      `Merge the server's changes into main\nSecond local edit\nFirst local edit`,
    )
    expect(await bareGit(pg.bare, 'log', '--format=%s', '-1', 'main^2')).toBe(
      `Edit ${HELLO} elsewhere`,
    )
    expect(await bareGit(pg.bare, 'show', `main:${HELLO}`)).toBe(
      paragraphs('Opening, from the desktop.', 'Closing, second draft.').trimEnd(),
    )
  })

  it('still asks when a later local commit rewrites what the server changed', async () => {
    const dir = await cloneWithParagraphs()
    await commitLocally(dir, paragraphs('Opening.', 'Closing, laptop.'), 'Edit the closing')
    await commitLocally(dir, paragraphs('Opening, laptop.', 'Closing, laptop.'), 'Edit the opening')
    await editOnServer(paragraphs('Opening, desktop.', 'Closing.'))
    const serverBefore = await bareGit(pg.bare, 'rev-parse', 'main')

    const failure = await failureOf(publish(dir, { credentials }))

    expect(failure.code).toBe('CONFLICT')
    expect(failure.message).toContain(HELLO)
    expect(await bareGit(pg.bare, 'rev-parse', 'main')).toBe(serverBefore)
    expect(await pg.read(dir, HELLO)).toBe(paragraphs('Opening, laptop.', 'Closing, laptop.'))
  })

  it('on a conflict saves the local work, keeps the writer text, and publishes after resolving', async () => {
    const dir = await pg.clone('laptop')
    await pushFromOtherMachine(pg, 'desktop', 'posts/hello.md', post('Hello', 'Desktop words.'))
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Laptop words.'))
    await pg.write(dir, 'posts/new.md', post('New', 'Only on the laptop.'))
    const serverBefore = await bareGit(pg.bare, 'rev-parse', 'main')

    const failure = await failureOf(publish(dir, { credentials }))

    expect(failure.code).toBe('CONFLICT')
    expect(failure.message).toContain('posts/hello.md')
    expect(failure.message).not.toContain('posts/new.md')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Laptop words.')
    const recoveryRefs = await git(
      dir,
      'for-each-ref',
      '--format=%(refname) %(objectname)',
      'refs/inkpress/recovery',
    )
    const [recoveryRef, recoveryOid] = recoveryRefs.split(' ')
    expect(recoveryRef).toMatch(/^refs\/inkpress\/recovery\//)
    expect(await git(dir, 'show', `${recoveryOid}:posts/hello.md`)).toContain('Laptop words.')
    expect(await bareGit(pg.bare, 'rev-parse', 'main')).toBe(serverBefore)
    expect((await getStatus(dir)).conflicts).toEqual(['posts/hello.md'])

    // Publishing again without choosing is refused, still without losing anything.
    expect((await failureOf(publish(dir, { credentials }))).code).toBe('CONFLICT')
    const versions = await conflictVersions(dir, 'posts/hello.md')
    expect(versions.mine).toContain('Laptop words.')
    expect(versions.theirs).toContain('Desktop words.')
    expect(versions.base).toContain('First post.')

    expect(await resolveConflict(dir, 'posts/hello.md', 'mine')).toEqual({ remaining: [] })
    const result = await publish(dir, { credentials })

    expect(result).toMatchObject({ integrated: 'merged', pushed: true })
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('Laptop words.')
    expect(await bareGit(pg.bare, 'show', 'main:posts/new.md')).toContain('Only on the laptop.')
    expect(await bareGit(pg.bare, 'log', '--format=%s', '-4', 'main')).toContain(
      'Edit posts/hello.md elsewhere',
    )
    await bareGit(pg.bare, 'merge-base', '--is-ancestor', recoveryOid as string, 'main')
    expect((await getStatus(dir)).conflicts).toEqual([])
  })

  it('takes the server version or an edited text when the writer chooses so', async () => {
    const dir = await pg.clone('laptop')
    await pushFromOtherMachine(pg, 'desktop', 'posts/hello.md', post('Hello', 'Desktop words.'))
    await pushFromOtherMachine(pg, 'tablet', 'posts/second.md', post('Second', 'Tablet words.'))
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Laptop words.'))
    await pg.write(dir, 'posts/second.md', post('Second', 'Laptop second.'))
    const failure = await failureOf(publish(dir, { credentials }))
    expect(failure.message).toContain('posts/hello.md, posts/second.md')

    expect(await resolveConflict(dir, 'posts/hello.md', 'theirs')).toEqual({
      remaining: ['posts/second.md'],
    })
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Desktop words.')
    await resolveConflict(dir, 'posts/second.md', { text: post('Second', 'Merged by hand.') })
    await publish(dir, { credentials })

    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('Desktop words.')
    expect(await bareGit(pg.bare, 'show', 'main:posts/second.md')).toContain('Merged by hand.')
    expect(await git(dir, 'status', '--porcelain')).toBe('')
  })
})

describe('publish failures keep every word', () => {
  it('keeps the commit when the connection drops mid-push, and publishes later', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Survives a dropped connection.'))
    pg.server.faults.dropReceivePackAfterBytes = 20
    const before = await bareGit(pg.bare, 'rev-parse', 'main')

    const failure = await failureOf(publish(dir, { credentials }))

    expect(failure.code).toBe('NETWORK')
    expect(failure.message).toMatch(/connection to the server was lost/)
    expect(failure.message).toMatch(/saved on this computer/)
    expect(pg.server.receivePackRequests()).toBeGreaterThanOrEqual(1)
    expect(await bareGit(pg.bare, 'rev-parse', 'main')).toBe(before)
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Publish: Hello')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Survives a dropped connection.')
    expect((await getStatus(dir)).waitingSummary).toBe('1 commit waiting to publish')

    pg.server.faults.dropReceivePackAfterBytes = undefined
    const retry = await publish(dir, { credentials })
    expect(retry.pushed).toBe(true)
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain(
      'Survives a dropped connection.',
    )
  })

  it('reports the reason of a server hook that refuses the push', async () => {
    const dir = await pg.clone('laptop')
    await pg.server.refusePushes('blog', 'Posts on main need a review first')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Refused but kept.'))

    const failure = await failureOf(publish(dir, { credentials }))

    expect(failure.code).toBe('PUSH_REJECTED')
    expect(failure.message).toContain('Posts on main need a review first')
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Publish: Hello')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Refused but kept.')
    expect(await bareGit(pg.bare, 'log', '-1', '--format=%s', 'main')).toBe('Initial posts')
  })

  it('commits offline when the server cannot be reached', async () => {
    const dir = await pg.clone('laptop')
    await git(dir, 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/blog.git')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Written on a train.'))
    const failure = await failureOf(publish(dir, { credentials }))
    expect(failure.code).toBe('NETWORK')
    expect(failure.message).toMatch(/Could not reach the server/)
    expect(await git(dir, 'show', 'HEAD:posts/hello.md')).toContain('Written on a train.')
  })

  it('refuses a leftover index.lock without touching anything', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    await writeFile(path.join(dir, '.git/index.lock'), '')
    const failure = await failureOf(publish(dir, { credentials }))
    expect(failure.code).toBe('INDEX_LOCKED')
    expect(failure.message).toMatch(/index\.lock/)
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Initial posts')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('edit')
  })

  it('refuses a detached HEAD', async () => {
    const dir = await pg.clone('laptop')
    await git(dir, 'checkout', '-q', '--detach')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    const failure = await failureOf(publish(dir, { credentials }))
    expect(failure.code).toBe('DETACHED_HEAD')
    expect(failure.message).toMatch(/not on a branch/)
    expect(await pg.read(dir, 'posts/hello.md')).toContain('edit')
  })

  it('says when there is nothing to publish', async () => {
    const dir = await pg.clone('laptop')
    const failure = await failureOf(publish(dir, { credentials }))
    expect(failure.code).toBe('NOTHING_TO_PUBLISH')
    expect(failure.message).toMatch(/nothing to publish/)
  })

  it('refuses without a remote; a shallow clone publishes with git and is refused without it', async () => {
    const dir = await pg.clone('laptop')
    await git(dir, 'remote', 'remove', 'origin')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    expect((await failureOf(publish(dir, { credentials }))).code).toBe('NO_REMOTE')

    const shallow = path.join(pg.tmp, 'shallow')
    await git(pg.tmp, 'clone', '-q', '--depth', '1', `file://${pg.bare}`, shallow)
    await access(path.join(shallow, '.git/shallow'))
    await git(shallow, 'remote', 'set-url', 'origin', pg.server.url('blog'))
    await configureUser(shallow)
    await pg.write(shallow, 'posts/hello.md', post('Hello', 'from a shallow clone'))
    if (ENGINE === 'isomorphic') {
      const failure = await failureOf(publish(shallow, { credentials }))
      expect(failure.code).toBe('UNSUPPORTED_REPOSITORY')
      expect(failure.message).toMatch(/shallow/)
      expect(await git(shallow, 'status', '--porcelain')).toBe('M posts/hello.md')
    } else {
      await publish(shallow, { credentials })
      expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('shallow clone')
      await bareGit(pg.bare, 'fsck', '--full', '--strict')
    }
  })

  it('can be cancelled before anything is sent', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    const controller = new AbortController()
    const failure = await failureOf(
      publish(dir, {
        credentials,
        signal: controller.signal,
        onProgress: (e) => {
          if (e.phase === 'commit' && e.loaded > 0) controller.abort()
        },
      }),
    )
    expect(failure.code).toBe('CANCELLED')
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Publish: Hello')
    expect(await bareGit(pg.bare, 'log', '-1', '--format=%s', 'main')).toBe('Initial posts')
  })
})
