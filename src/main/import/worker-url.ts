// Where a worker thread's script is: beside this file when run from source (Node runs the
// TypeScript directly); in the electron-vite bundle it is out/main/<bundle name>.js, and the
// code asking may sit in out/main/ or out/main/chunks/.

import fs from 'node:fs';

export function workerScriptUrl(sourceName: string, bundleName: string, moduleUrl: string = import.meta.url): URL {
  if (moduleUrl.endsWith('.ts')) return new URL(`./${sourceName}`, moduleUrl);
  const candidates = [new URL(`./${bundleName}`, moduleUrl), new URL(`../${bundleName}`, moduleUrl)];
  return candidates.find((url) => fs.existsSync(url)) ?? candidates[0]!;
}
