import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { writeFileAtomically } from '../files/atomic-write'

const MAX_RECENT = 10

const SettingsSchema = z.object({
  recentRepositories: z.array(z.string()).default([]),
  /** Per repository root: the generator the user chose over the detected one. */
  generatorOverrides: z.record(z.string(), z.string()).default({}),
})

export type Settings = z.infer<typeof SettingsSchema>

/**
 * User settings in one JSON file in the app-data folder (never inside a repository).
 * A damaged file is set aside rather than silently lost.
 */
export class SettingsStore {
  private readonly file: string
  private cached: Settings | null = null

  constructor(appDataDir: string) {
    this.file = path.join(appDataDir, 'settings.json')
  }

  async read(): Promise<Settings> {
    if (this.cached) return this.cached
    let raw: string | null = null
    try {
      raw = await readFile(this.file, 'utf8')
    } catch {
      raw = null
    }
    const result = SettingsSchema.safeParse(raw === null ? {} : safeJson(raw))
    this.cached = result.success ? result.data : SettingsSchema.parse({})
    if (raw !== null && !result.success) {
      await writeFileAtomically(`${this.file}.damaged-${Date.now()}`, raw)
    }
    return this.cached
  }

  async update(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = change(structuredClone(await this.read()))
    await mkdir(path.dirname(this.file), { recursive: true })
    await writeFileAtomically(this.file, `${JSON.stringify(next, null, 2)}\n`)
    this.cached = next
    return next
  }

  async rememberRepository(root: string): Promise<void> {
    await this.update((settings) => ({
      ...settings,
      recentRepositories: [root, ...settings.recentRepositories.filter((r) => r !== root)].slice(
        0,
        MAX_RECENT,
      ),
    }))
  }
}

/** Unparseable text maps to a value the schema rejects, so it is set aside like invalid JSON. */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return Symbol('unparseable')
  }
}
