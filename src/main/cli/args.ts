// Argument parsing for the CLI: node's parseArgs per command, with errors that say what to type.

import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  tillit [--db PATH] import FILE [--source KIND] [--collected-at YYYY-MM-DD]
         [--basis explicit|implicit] [--brand NAME] [--evidence FILE] [--dry-run] [--json]
  tillit [--db PATH] list [--status S[,S…]] [--as-of YYYY-MM-DD] [--search TEXT] [--json]
  tillit [--db PATH] status [--as-of YYYY-MM-DD] [--json]
  tillit [--db PATH] consent add EMAIL --source KIND --date YYYY-MM-DD [--basis explicit|implicit]
         [--brand NAME] [--evidence FILE] [--note TEXT]
  tillit [--db PATH] consent withdraw EMAIL [--date YYYY-MM-DD]
  tillit [--db PATH] bounce EMAIL [--date YYYY-MM-DD]
  tillit [--db PATH] export --profile mailchimp|hubspot|brevo|listmonk|generic --out FILE
         [--as-of YYYY-MM-DD] [--json]
  tillit [--db PATH] verify [--anchor EVENTS:HEAD]... [--json]
  tillit [--db PATH] backup [--to DIR] [--json]
  tillit [--db PATH] restore FILE
  tillit [--db PATH] serve [--port N]

import FILE may be a folder of vCard (.vcf) files: they are imported together, as one import.
restore FILE takes a backup folder (or its manifest.json or tillit.sqlite); the workspace as it
was is kept as a backup first. Backups go to <workspace>-files/backups unless --to DIR.
The workspace is --db PATH, else $TILLIT_DB, else the Tillit folder in your user-data directory.`;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses one command's arguments strictly; unknown flags are usage errors. */
export function parseCommand<O extends Options>(args: string[], options: O, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0
        ? `unexpected argument: ${parsed.positionals[0]}`
        : `expected ${positionals} argument${positionals > 1 ? 's' : ''}, got ${parsed.positionals.length}`,
    );
  }
  return parsed;
}

/** Takes a global --db PATH (or --db=PATH) from anywhere in the arguments. */
export function extractDbFlag(argv: string[]): { db: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') {
      db = argv[i + 1];
      if (db === undefined) throw new UsageError('--db needs a path');
      i++;
    } else if (arg.startsWith('--db=')) {
      db = arg.slice(5);
    } else {
      rest.push(arg);
    }
  }
  return { db, rest };
}
