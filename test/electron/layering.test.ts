// Backup for the lint rule: only the Electron shell (src/main/electron) imports 'electron'. A
// plain scan of the source text, so it holds even if the lint config is changed or skipped.
// And inside the shell: the security decisions stay in modules that do not load electron, so
// they are unit-tested under Node.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const SHELL = 'src/main/electron/';
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Every way a module can load 'electron' (or 'electron/…'): static, type-only, re-export, dynamic, require. */
const ELECTRON_IMPORT = [
  /\bimport\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]electron(?:\/[^'"]*)?['"]/,
  /\bimport\s*['"]electron(?:\/[^'"]*)?['"]/,
  /\bexport\s+[^'";]*?\bfrom\s*['"]electron(?:\/[^'"]*)?['"]/,
  /\bimport\s*\(\s*['"`]electron(?:\/[^'"`]*)?['"`]\s*[,)]/,
  /\brequire\s*\(\s*['"`]electron(?:\/[^'"`]*)?['"`]\s*\)/,
];

/** test/layers.test.ts briefly writes layer-probe.ts files that break the rules on purpose. */
function isLintProbe(file: string): boolean {
  return /(^|\/)layer-probe\.[a-z]+$/.test(file);
}

/** A file listed a moment ago may be gone (others work in this tree concurrently). */
function readIfPresent(file: string): string {
  try {
    return fs.readFileSync(path.join(root, file), 'utf8');
  } catch {
    return '';
  }
}

function importsElectron(code: string): boolean {
  return ELECTRON_IMPORT.some((pattern) => pattern.test(code));
}

function importsElectronAtRuntime(code: string): boolean {
  const withoutTypeImports = code.replace(/\bimport\s+type\s+[^;]*?\bfrom\s*['"]electron['"];?/g, '');
  return importsElectron(withoutTypeImports);
}

describe('layering: electron stays in the shell', () => {
  it('recognises the ways a file can import electron', () => {
    for (const code of [
      "import { app } from 'electron';",
      'import electron from "electron"',
      "import type { WebContents } from 'electron';",
      "import {\n  app,\n  BrowserWindow,\n} from 'electron';",
      "import 'electron';",
      "export { app } from 'electron';",
      "const e = await import('electron');",
      "const { ipcRenderer } = require('electron');",
      "import { ipcRenderer } from 'electron/renderer';",
    ]) {
      expect(importsElectron(code), code).toBe(true);
    }
    for (const code of [
      "import { _electron } from 'playwright-core';",
      "require.resolve('electron/package.json')",
      "import x from './electron.ts';",
      "import x from 'electron-vite';",
      '// electron is only imported by the shell',
    ]) {
      expect(importsElectron(code), code).toBe(false);
    }
  });

  it('no file outside src/main/electron imports electron', () => {
    const files = ['src', 'bin', 'bench', 'scripts'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => !file.startsWith(SHELL) && !isLintProbe(file) && importsElectron(readIfPresent(file)));
    expect(offenders).toEqual([]);
  });

  it('the shell keeps its decisions in modules that do not load electron', () => {
    for (const file of ['security-policy.ts', 'menu.ts']) {
      const code = fs.readFileSync(path.join(root, SHELL, file), 'utf8');
      expect(importsElectronAtRuntime(code), file).toBe(false);
    }
  });

  it('the preload imports nothing from Node or the main side', () => {
    const preload = fs.readFileSync(path.join(root, SHELL, 'preload.ts'), 'utf8');
    const specifiers = [...preload.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
    const allowed = (specifier: string): boolean => specifier === 'electron' || specifier.startsWith('../../shared/');
    expect(specifiers.filter((specifier) => !allowed(specifier))).toEqual([]);
  });
});
