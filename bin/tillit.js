#!/usr/bin/env node
// The `tillit` command. Node 22.18+ runs the TypeScript sources directly (type stripping),
// so the CLI needs no build step. Older Node gets a clear message instead of a crash.

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `tillit: Node ${process.versions.node} is too old; Tillit needs Node 22.18 or newer (Node 20 is past its end of life).\n`,
  );
  process.exit(1);
}

const { main } = await import('../src/main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
