import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSession } from '../../../src/main/api/handlers'
import { dispatchCall } from '../../../src/main/api/dispatch'
import { silentLogger } from '../../../src/main/services/logger'
import { SettingsStore } from '../../../src/main/services/settings/settings-store'
import type { PostDocument } from '../../../src/shared/api'
import { createTestWorld, type TestWorld } from '../support/test-world'

let world: TestWorld | null = null
afterEach(async () => {
  await world?.close()
  world = null
})

const POST = 'posts/hello.md'

describe('edits made by other programs', () => {
  it('a save over an external edit is refused with CONFLICT and the other edit survives', async () => {
    world = await createTestWorld('external-edit')
    const { session, repo } = world
    const opened = (await dispatchCall(session.handlers, 'posts:read', [POST], silentLogger)) as {
      ok: true
      value: PostDocument
    }
    await writeFile(path.join(repo, POST), '# Edited in another editor\n')

    const save = await dispatchCall(
      session.handlers,
      'posts:save',
      [POST, 'my buffer', opened.value.version],
      silentLogger,
    )
    expect(save).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!save.ok) expect(save.error.message).toContain('Your text is still in the editor')
    expect(await readFile(path.join(repo, POST), 'utf8')).toBe('# Edited in another editor\n')

    const forced = await dispatchCall(
      session.handlers,
      'posts:save',
      [POST, 'my buffer', opened.value.version, { overwriteExternalChanges: true }],
      silentLogger,
    )
    expect(forced).toMatchObject({ ok: true })
    expect(await readFile(path.join(repo, POST), 'utf8')).toBe('my buffer')
  })

  it('an external delete is reported to the window, and reading the post then says it is gone', async () => {
    world = await createTestWorld('external-delete')
    const events: string[][] = []
    const session = createSession({
      mode: 'browser',
      version: '0.0.0-test',
      appDataDir: world.appData,
      bundledSampleDir: path.join(world.appData, 'no-sample'),
      settings: new SettingsStore(world.appData),
      logger: silentLogger,
      emit: (event, payload) => {
        if (event === 'posts:changed') events.push((payload as { paths: string[] }).paths)
      },
    })
    try {
      await session.open(world.repo)
      await new Promise((resolve) => setTimeout(resolve, 500)) // let the watcher finish its initial scan
      await rm(path.join(world.repo, POST))
      await expect.poll(() => events.flat(), { timeout: 10_000 }).toContain(POST)
      const read = await dispatchCall(session.handlers, 'posts:read', [POST], silentLogger)
      expect(read).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: `There is no file at "${POST}".` },
      })
    } finally {
      await session.close()
    }
  })
})
