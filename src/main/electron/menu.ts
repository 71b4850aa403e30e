import { Menu, type MenuItemConstructorOptions } from 'electron'

/** The standard menus; app commands (open, save) live in the window's own toolbar and shortcuts. */
export function installApplicationMenu(actions: { openFolder: () => void }): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Blog Folder…', accelerator: 'CmdOrCtrl+O', click: actions.openFolder },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
