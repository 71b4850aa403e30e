import { app, dialog, shell, type BrowserWindow } from 'electron'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createSession } from '../api/handlers'
import { appPaths } from '../app-paths'
import { EncryptedFileCredentialStore } from '../services/credentials'
import { consoleLogger } from '../services/logger'
import { SettingsStore } from '../services/settings/settings-store'
import { handleAssetProtocol, registerAssetSchemeAsPrivileged } from './asset-protocol'
import { registerIpcHandlers } from './ipc'
import { safeStorageEncryptor } from './safe-storage-encryptor'
import { installApplicationMenu } from './menu'
import { applySessionSecurity, configureSpellchecker, createMainWindow } from './window'

const here = path.dirname(fileURLToPath(import.meta.url))
const paths = appPaths()
const preloadPath = path.join(here, '../preload/index.cjs')
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const rendererUrl = devServerUrl ?? pathToFileURL(path.join(paths.rendererDir, 'index.html')).href

registerAssetSchemeAsPrivileged()
app.enableSandbox()

let mainWindow: BrowserWindow | null = null
const appDataDir = process.env.INKPRESS_DATA_DIR ?? app.getPath('userData')
const settings = new SettingsStore(appDataDir)
const keychainStore = new EncryptedFileCredentialStore(appDataDir, safeStorageEncryptor)

const session = createSession({
  mode: 'desktop',
  version: paths.version,
  appDataDir,
  bundledSampleDir: paths.bundledSampleDir,
  settings,
  logger: consoleLogger,
  emit: (event, payload) => mainWindow?.webContents.send(event, payload),
  pickFolder: async () => {
    const options = { title: 'Open a blog repository', properties: ['openDirectory' as const] }
    const result = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
  openExternal: (url) => shell.openExternal(url),
  credentials: {
    store: keychainStore,
    storage: 'keychain',
    warning: () => keychainStore.securityWarning(),
  },
})

async function start(): Promise<void> {
  await app.whenReady()
  applySessionSecurity()
  configureSpellchecker(app.getLocale())
  handleAssetProtocol(async () => (await session.handlers['repo:current']())?.root ?? null)
  registerIpcHandlers(
    session,
    { contents: () => mainWindow?.webContents ?? null, rendererUrl },
    consoleLogger,
  )
  const repositoryArgument = process.argv
    .slice(app.isPackaged ? 1 : 2)
    .find((arg) => !arg.startsWith('-'))
  const remembered = repositoryArgument ?? (await settings.read()).recentRepositories[0]
  if (remembered) {
    await session.open(path.resolve(remembered)).catch(() => session.handlers['repo:openSample']())
  } else {
    await session.handlers['repo:openSample']()
  }
  mainWindow = createMainWindow({
    preloadPath,
    iconPath: path.join(paths.root, 'resources', 'icon.png'),
  })
  installApplicationMenu({
    openFolder: () => mainWindow?.webContents.send('menu:command', { command: 'openFolder' }),
  })
  await mainWindow.loadURL(rendererUrl)
}

app.on('window-all-closed', () => {
  void session.close()
  app.quit()
})

start().catch((error: unknown) => {
  consoleLogger.error('Inkpress failed to start', error)
  app.exit(1)
})
