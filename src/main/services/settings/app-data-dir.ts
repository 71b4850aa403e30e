import os from 'node:os'
import path from 'node:path'

/**
 * Where Inkpress keeps settings, caches and the sample blog when not under Electron
 * (Electron passes app.getPath('userData')). INKPRESS_DATA_DIR wins so tests stay isolated.
 */
export function defaultAppDataDir(env: Record<string, string | undefined> = process.env): string {
  if (env.INKPRESS_DATA_DIR) return path.resolve(env.INKPRESS_DATA_DIR)
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'Inkpress')
  if (process.platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', 'Inkpress')
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'inkpress')
}

/** The posts index cache: in the app-data folder, shared by the app and the CLI, never in a repository. */
export const indexCacheDir = (appDataDir: string): string => path.join(appDataDir, 'cache')
