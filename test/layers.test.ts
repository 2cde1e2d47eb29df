// The layer rules are lint rules; this proves they fire on a real violation in each layer
// (a probe file is written into the layer, linted with the project's config, and removed).

import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

async function lintProbe(relativePath: string, code: string): Promise<string[]> {
  const file = path.join(root, relativePath);
  fs.writeFileSync(file, code);
  try {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintFiles([file]);
    return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('layer rules', () => {
  it.each([
    ['src/shared imports a Node built-in', 'src/shared/layer-probe.ts', "import fs from 'node:fs';\nexport const x = fs.existsSync('a');\n", /src\/shared must not import Node/],
    ['src/shared imports electron', 'src/shared/layer-probe.ts', "import { app } from 'electron';\nexport const x = app;\n", /must not import electron/],
    ['src/shared uses the DOM', 'src/shared/layer-probe.ts', 'export const x = document.title;\n', /no-restricted-globals/],
    ['src/shared imports main', 'src/shared/layer-probe.ts', "import { openStore } from '../main/store/open.ts';\nexport const x = openStore;\n", /must not import other layers/],
    ['main imports electron outside the shell', 'src/main/layer-probe.ts', "import { app } from 'electron';\nexport const x = app;\n", /Only src\/main\/electron imports electron/],
    ['the renderer imports main', 'src/renderer/layer-probe.ts', "import { openStore } from '../main/store/open.ts';\nexport const x = openStore;\n", /only through the contract client/],
    ['the renderer imports Node', 'src/renderer/layer-probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n", /no Node built-ins/],
  ])('fails when %s', async (_what, file, code, expected) => {
    const messages = await lintProbe(file, code);
    expect(messages.join('\n')).toMatch(expected);
  });

  it('passes a file that respects its layer', async () => {
    const messages = await lintProbe('src/shared/layer-probe.ts', "import { STATUSES } from './consent/vocabulary.ts';\nexport const x = STATUSES.length;\n");
    expect(messages).toEqual([]);
  });
});
