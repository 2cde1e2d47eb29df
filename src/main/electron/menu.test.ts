import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from './menu.ts';

function options(patch: Partial<MenuOptions> = {}): MenuOptions {
  return { platform: 'linux', isDev: false, onCommand: vi.fn(), onAbout: vi.fn(), ...patch };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return template.find((item) => item.label?.replace('&', '') === label);
}

function allRoles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [...(item.role ? [item.role] : []), ...allRoles(submenu(item))]);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  // The handlers ignore their arguments; Electron passes (menuItem, window, event).
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('has File (Import…, Export…, Quit), Edit, View and Help', () => {
    const template = buildMenuTemplate(options());
    expect(template.map((item) => item.label?.replace('&', '') ?? item.role)).toEqual(['File', 'editMenu', 'View', 'Help']);
    const file = submenu(find(template, 'File'));
    expect(file.map((item) => item.label ?? item.type)).toEqual(['Import…', 'Export…', 'separator', 'Quit Tillit']);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('sends Import… and Export… as commands, and shows About from Help', () => {
    const onCommand = vi.fn();
    const onAbout = vi.fn();
    const template = buildMenuTemplate(options({ onCommand, onAbout }));
    const file = submenu(find(template, 'File'));
    click(file.find((item) => item.id === 'import'));
    click(file.find((item) => item.id === 'export'));
    expect(onCommand).toHaveBeenNthCalledWith(1, 'import');
    expect(onCommand).toHaveBeenNthCalledWith(2, 'export');
    click(submenu(find(template, 'Help')).find((item) => item.id === 'about'));
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('offers reload and developer tools only in development', () => {
    expect(allRoles(buildMenuTemplate(options()))).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(allRoles(buildMenuTemplate(options())).filter((role) => /reload|devtools/i.test(role))).toEqual([]);
    expect(allRoles(buildMenuTemplate(options({ isDev: true })))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('follows macOS conventions there: an app menu with About and Quit, a Window menu', () => {
    const template = buildMenuTemplate(options({ platform: 'darwin' }));
    expect(template[0]?.label).toBe('Tillit');
    expect(allRoles(submenu(template[0]))).toContain('quit');
    expect(allRoles(template)).toContain('windowMenu');
    expect(allRoles(submenu(find(template, 'File')))).toEqual(['close']);
  });
});
