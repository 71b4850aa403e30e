import { existsSync } from 'node:fs'
import path from 'node:path'
import { createSession, type Session } from '../api/handlers'
import type { AppPaths } from '../app-paths'
import type { Logger } from '../services/logger'
import { defaultAppDataDir } from '../services/settings/app-data-dir'
import { SettingsStore } from '../services/settings/settings-store'
import { startWebHost, type WebHost } from './web-host'

export interface BrowserModeOptions {
  paths: AppPaths
  logger: Logger
  env: Record<string, string | undefined>
  /** Folder to open; without it, the last repository, else the sample blog. */
  repository?: string
  port?: number
  token?: string
}

export interface BrowserMode {
  host: WebHost
  session: Session
  close(): Promise<void>
}

/** Wires one session to the web host: what `inkpress serve` and `npm start` without Electron run. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  if (!existsSync(path.join(options.paths.rendererDir, 'index.html'))) {
    throw new Error('The app is not built yet. Run `npm run build` first.')
  }
  const appDataDir = defaultAppDataDir(options.env)
  const settings = new SettingsStore(appDataDir)
  let host: WebHost | null = null
  const session = createSession({
    mode: 'browser',
    version: options.paths.version,
    appDataDir,
    bundledSampleDir: options.paths.bundledSampleDir,
    settings,
    logger: options.logger,
    emit: (event, payload) => host?.emit(event, payload),
  })
  const folder = options.repository ?? (await settings.read()).recentRepositories[0]
  if (folder) await session.open(path.resolve(folder))
  else await session.handlers['repo:openSample']()
  host = await startWebHost({
    session,
    rendererDir: options.paths.rendererDir,
    logger: options.logger,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
  })
  const started = host
  return {
    host: started,
    session,
    close: async () => {
      await started.close()
      await session.close()
    },
  }
}
