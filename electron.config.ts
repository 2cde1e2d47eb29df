// electron-vite build of the desktop app (`npm run build`; `npm run dev` for the dev server).
// Output, all under out/:
//   out/main/index.js          Electron main (ESM: package.json is "type": "module"), package.json "main"
//   out/main/import-worker.js  the import's worker_threads script (found by src/main/import/runner.ts)
//   out/main/prepare-worker.js reads and prepares a big file's rows beside the import (prepared-batches.ts)
//   out/main/chunks/*.js       code the two main entries share
//   out/preload/index.cjs      the sandboxed preload: CommonJS, one self-contained file, requires only 'electron'
//   out/renderer/index.html    the React app (relative asset URLs, base './'), with its CSP in a meta tag
// Runtime dependencies (better-sqlite3 and the rest of package.json "dependencies", except JSON
// data packages) stay external and load from node_modules; better-sqlite3 13 is Node-API, so the
// same binary loads in Node and in Electron.

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { buildMetaCsp } from './src/main/electron/security-policy.ts';

const root = import.meta.dirname;

/**
 * The built index.html gets the app's content security policy ahead of its scripts: pages
 * loaded from file:// receive no response headers, so the tag is what enforces it (Electron's
 * session header and the loopback server's header cover the rest). Any CSP meta the page has is
 * replaced, so the policy lives in one place (src/main/electron/security-policy.ts). On the dev
 * server the tag is left out: main sends the dev policy as a header, which lets Vite's HMR work.
 */
function contentSecurityPolicy(): Plugin {
  const existing = /[ \t]*<meta\s[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>[ \t]*\r?\n?/gi;
  return {
    name: 'tillit:content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const stripped = html.replace(existing, '');
        if (context.server) return stripped;
        // Right after <meta charset> (or <head>), before any script or stylesheet. Written as is
        // (the policy has no double quotes), so the built file reads like the source.
        const anchor = /<meta\s+charset\s*=[^>]*>/i.test(stripped) ? /<meta\s+charset\s*=[^>]*>/i : /<head(\s[^>]*)?>/i;
        if (!anchor.test(stripped)) throw new Error('tillit: index.html has no <head> for the content security policy');
        return stripped.replace(anchor, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${buildMetaCsp()}" />`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // JSON packages are bundled: the bundler drops `with { type: 'json' }` from an external
      // import, and Node's ESM loader refuses a JSON import without it (the app would not start).
      externalizeDeps: { exclude: ['disposable-email-domains'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/electron/main.ts'),
          'import-worker': resolve(root, 'src/main/import/worker.ts'),
          'prepare-worker': resolve(root, 'src/main/import/prepare-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot require anything but 'electron' (and a few polyfilled
      // built-ins): bundle every import into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
