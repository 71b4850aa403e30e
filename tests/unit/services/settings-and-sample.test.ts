import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appPaths } from '../../../src/main/app-paths'
import { ensureSampleBlog } from '../../../src/main/services/sample/sample-blog'
import { SettingsStore } from '../../../src/main/services/settings/settings-store'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'inkpress-settings-'))
})
afterEach(() => rm(dataDir, { recursive: true, force: true }))

describe('settings', () => {
  it('remembers recent repositories newest first, without duplicates, across instances', async () => {
    const store = new SettingsStore(dataDir)
    await store.rememberRepository('/a')
    await store.rememberRepository('/b')
    await store.rememberRepository('/a')
    expect((await new SettingsStore(dataDir).read()).recentRepositories).toEqual(['/a', '/b'])
  })

  it('sets a damaged settings file aside instead of losing it', async () => {
    await writeFile(path.join(dataDir, 'settings.json'), '{ not json')
    expect((await new SettingsStore(dataDir).read()).recentRepositories).toEqual([])
    const files = await readdir(dataDir)
    const damaged = files.find((name) => name.startsWith('settings.json.damaged-'))
    expect(damaged).toBeDefined()
    expect(await readFile(path.join(dataDir, damaged!), 'utf8')).toBe('{ not json')
  })
})

describe('sample blog', () => {
  it('copies the bundled sample into app data as a committed Git repository, once', async () => {
    const sample = await ensureSampleBlog(appPaths().bundledSampleDir, dataDir)
    expect(await readdir(path.join(sample, 'content', 'posts'))).toContain('welcome-to-inkpress.md')
    const log = execFileSync('git', ['log', '--format=%s'], { cwd: sample, encoding: 'utf8' })
    expect(log.trim()).toBe('Sample blog from Inkpress')
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: sample, encoding: 'utf8' })).toBe(
      '',
    )
    await writeFile(path.join(sample, 'mine.md'), 'kept')
    expect(await ensureSampleBlog(appPaths().bundledSampleDir, dataDir)).toBe(sample)
    expect(await readFile(path.join(sample, 'mine.md'), 'utf8')).toBe('kept')
  })
})
