// The application menu as data. Only a type comes from 'electron' (erased at build time), so
// the template is unit-tested under Node; main.ts passes it to Menu.buildFromTemplate.

import type { MenuItemConstructorOptions } from 'electron';
import type { EventName, MenuCommandEvent } from '../../shared/contract/events.ts';

/** What the File menu asks the renderer to open (sent as the MENU_COMMAND_EVENT event). */
export type MenuCommand = MenuCommandEvent['command'];

/** The contract event that carries menu commands to the renderer, which opens the named screen. */
export const MENU_COMMAND_EVENT = 'app.menu-command' satisfies EventName;

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development (dev server, unpackaged): reload and developer tools in the View menu. */
  isDev: boolean;
  onCommand(command: MenuCommand): void;
  onAbout(): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => options.onCommand('import') },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => options.onCommand('export') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit Tillit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.isDev
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const about: MenuItemConstructorOptions = { id: 'about', label: 'About Tillit', click: () => options.onAbout() };
  const help: MenuItemConstructorOptions = { role: 'help', label: '&Help', submenu: [about] };
  const appMenu: MenuItemConstructorOptions = {
    label: 'Tillit',
    submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  return [...(isMac ? [appMenu] : []), file, { role: 'editMenu' }, view, ...(isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []), help];
}
