// The ledger is checked before it is trusted. At start: an incremental check from the last
// point a check verified (fast at a million events), then a full check in the background,
// a page at a time so the window and server keep answering. Before every export: the full
// check must have passed since anything outside this connection wrote to the file (SQLite's
// data_version tells); otherwise an incremental check of what this app appended since.
// A broken ledger refuses exports until a backup is restored or the user accepts the present
// state as a new baseline, which is itself a ledger record (the break stays on record).
// Every change of the chain head is written to the anchor log outside the database.

import type { LedgerStatus } from '../../shared/contract/dto.ts';
import { AppError } from '../../shared/contract/envelope.ts';
import { appendAnchor, ledgerHead, readAnchors, type AnchorEntry, type AnchorReason, type LedgerAnchor } from '../store/anchors.ts';
import { acceptBaseline, anchorsInForce, verifyLedger, verifyLedgerInSteps, type VerifyResult } from '../store/ledger-verify.ts';
import type { DB } from '../store/open.ts';

export interface IntegrityOptions {
  db: DB;
  dbPath: string;
  filesDir: string;
  now: () => string;
  /** Read-only workspaces record no anchors. */
  readOnly?: boolean;
}

export class LedgerIntegrity {
  private readonly options: IntegrityOptions;
  private last: VerifyResult | null = null;
  private lastFullDataVersion: number | null = null;
  private running: Promise<VerifyResult> | null = null;
  private logged: AnchorEntry | null = null;
  private checkedAt: string | null = null;
  private readonly closing = new AbortController();

  constructor(options: IntegrityOptions) {
    this.options = options;
    this.logged = readAnchors(options.dbPath).at(-1) ?? null;
  }

  private anchors() {
    return anchorsInForce(readAnchors(this.options.dbPath));
  }

  /** The newest point a check verified whose head is still in the log. */
  private verifiedPoint(): LedgerAnchor | null {
    const verified = readAnchors(this.options.dbPath).filter((a) => a.reason === 'verified' || a.reason === 'baseline').at(-1);
    return verified ? { events: verified.events, head: verified.head } : null;
  }

  private dataVersion(): number {
    return this.options.db.pragma('data_version', { simple: true }) as number;
  }

  private settle(result: VerifyResult, full: boolean): VerifyResult {
    this.last = result;
    this.checkedAt = this.options.now();
    if (full) this.lastFullDataVersion = this.dataVersion();
    if (result.intact) this.anchor('verified', result.ledger);
    return result;
  }

  /** The quick check at start; the full check follows in the background. */
  checkAtStart(): VerifyResult {
    const result = this.settle(
      verifyLedger(this.options.db, { from: this.verifiedPoint(), anchors: this.anchors(), filesDir: this.options.filesDir }),
      false,
    );
    if (result.intact) {
      this.checkFully().catch((error: unknown) => {
        if (!this.closing.signal.aborted) console.warn(`tillit: the background check of the ledger failed: ${(error as Error).message}`);
      });
    }
    return result;
  }

  /** A full check, a page at a time; one at a time. */
  checkFully(): Promise<VerifyResult> {
    if (!this.running) {
      const dataVersion = this.dataVersion();
      this.running = verifyLedgerInSteps(this.options.db, { anchors: this.anchors(), filesDir: this.options.filesDir, signal: this.closing.signal })
        .then((result) => {
          this.settle(result, true);
          this.lastFullDataVersion = dataVersion;
          return result;
        })
        .finally(() => {
          this.running = null;
        });
    }
    return this.running;
  }

  /** Throws a clear refusal unless the ledger checks out now. */
  async assertIntactForExport(): Promise<VerifyResult> {
    if (this.running) await this.running;
    let result: VerifyResult;
    if (this.lastFullDataVersion === null || this.lastFullDataVersion !== this.dataVersion()) result = await this.checkFully();
    else {
      result = this.settle(
        verifyLedger(this.options.db, { from: this.last?.intact ? this.last.ledger : null, anchors: this.anchors(), filesDir: this.options.filesDir }),
        false,
      );
    }
    if (!result.intact) throw ledgerBrokenError(result);
    return result;
  }

  /**
   * Writes the head to the anchor log. A 'change' or 'verified' of the head the log already
   * ends in adds nothing; an export, backup, restore or baseline is always written (it names
   * its file). A log that cannot be written (a full disk) costs an anchor, never the change.
   */
  anchor(reason: AnchorReason, head: LedgerAnchor = ledgerHead(this.options.db), note?: string): LedgerAnchor {
    if (this.options.readOnly) return head;
    const same = this.logged !== null && this.logged.events === head.events && this.logged.head === head.head;
    if (same && reason === 'change') return head;
    if (same && reason === 'verified' && (this.logged!.reason === 'verified' || this.logged!.reason === 'baseline')) return head;
    try {
      this.logged = appendAnchor(this.options.dbPath, head, reason, note, this.options.now());
    } catch (error) {
      console.warn(`tillit: could not write the ledger anchor log (${(error as Error).message})`);
    }
    return head;
  }

  /** Stops a background check (the workspace is closing). */
  close(): void {
    this.closing.abort(new Error('the workspace was closed'));
  }

  /** After any request: when the head moved, the log learns it. */
  noteChange(): void {
    this.anchor('change');
  }

  status(): LedgerStatus {
    const head = ledgerHead(this.options.db);
    const result = this.last;
    return {
      state: this.running ? 'checking' : result === null ? 'unchecked' : result.intact ? 'intact' : 'broken',
      events: head.events,
      head: head.head,
      checkedAt: this.checkedAt,
      checkedEvents: result?.checked ?? 0,
      mode: result?.mode ?? null,
      firstBroken: result?.firstBroken ?? null,
      baselines: result?.baselines ?? [],
    };
  }

  /** The user accepts the ledger as it stands: recorded with their reason, then checked again. */
  async acceptBaseline(reason: string): Promise<LedgerStatus> {
    const trimmed = reason.trim();
    if (trimmed.length < 5) throw new AppError('bad-request', 'Say why the present state is accepted (a few words at least); the reason is kept in the ledger.');
    if (this.running) await this.running;
    const found = this.last && !this.last.intact ? this.last.firstBroken!.reason : 'no break was found when it was accepted';
    acceptBaseline(this.options.db, { reason: trimmed, found, filesDir: this.options.filesDir, recordedAt: this.options.now() });
    this.anchor('baseline', ledgerHead(this.options.db), trimmed);
    await this.checkFully();
    return this.status();
  }
}

export function ledgerBrokenError(result: VerifyResult): AppError {
  const broken = result.firstBroken!;
  return new AppError(
    'conflict',
    `The consent ledger is broken, so nothing was exported: ${broken.reason}. Restore a backup, or accept the present state as a new baseline (the break stays on record).`,
    { firstBroken: broken },
    { messageCode: 'ledger-broken', messageParams: { reason: broken.reason, item: broken.item, id: broken.id } },
  );
}
