// Properties of the rules engine over random ledgers (fast-check).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { ACCEPTABLE_SOURCES, BASES, EVENT_KINDS, SOURCE_KINDS, evaluate, explainStatus, isMailable, POLICIES, type LedgerEvent, type PolicyId } from './index.ts';

const POLICY_IDS = Object.keys(POLICIES) as PolicyId[];
const EMAILS = ['ola.nordmann@firma.no', 'kari@ødegård.no', 'post@firma.no', 'info@firma.no', 'ola@@firma.no', ''];
const BRANDS = [null, 'Bakeriet', ' bakeriet ', 'Konditoriet', ''];

/** A day between 2021-01-01 and 2028-12-31. */
const day = fc.integer({ min: 0, max: 8 * 365 }).map((n) => addDays('2021-01-01', n));

// Weighted so that every rule is reached often: mostly opt-ins, some suppressions and corrections.
const kind = fc.oneof(
  { arbitrary: fc.constant('opt-in' as const), weight: 12 },
  { arbitrary: fc.constantFrom(...EVENT_KINDS), weight: 4 },
);

const eventBody = fc.record({
  kind,
  date: day,
  source: fc.option(fc.oneof({ arbitrary: fc.constantFrom(...ACCEPTABLE_SOURCES), weight: 3 }, { arbitrary: fc.constantFrom(...SOURCE_KINDS), weight: 2 }), { freq: 8 }),
  basis: fc.option(fc.constantFrom(...BASES), { freq: 4 }),
  brand: fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: fc.constantFrom(...BRANDS), weight: 2 }),
  supersedesOffset: fc.option(fc.integer({ min: -6, max: 2 }), { freq: 2 }),
});

/** A ledger with unique ids 1..n; a few events supersede another (mostly earlier) one. */
const ledger = fc.array(eventBody, { maxLength: 12 }).map((bodies) =>
  bodies.map(({ supersedesOffset, ...body }, i): LedgerEvent => ({
    id: i + 1,
    ...body,
    supersedes: supersedesOffset === null ? null : i + 1 + supersedesOffset,
  })),
);

const scenario = fc.record({
  email: fc.oneof({ arbitrary: fc.constant(EMAILS[0]!), weight: 8 }, { arbitrary: fc.constantFrom(...EMAILS), weight: 2 }),
  events: ledger,
  policy: fc.constantFrom(...POLICY_IDS),
  asOf: day,
  workspaceBrand: fc.constantFrom(null, 'Bakeriet'),
});

function run(s: { email: string; events: readonly LedgerEvent[]; policy: PolicyId; asOf: string; workspaceBrand: string | null }) {
  return evaluate(s.email, s.events, POLICIES[s.policy], { asOf: s.asOf, workspaceBrand: s.workspaceBrand });
}

describe('consent properties', () => {
  it('is deterministic: the same input gives the same output, whatever the order of the events', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.events, { minLength: s.events.length, maxLength: s.events.length }))),
        ([s, shuffled]) => {
          const first = run(s);
          expect(run(s)).toEqual(first);
          expect(run({ ...s, events: shuffled })).toEqual(first);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('appending a withdrawal (on or before the date) never makes a contact more mailable', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 8 * 365 }), (s, back) => {
        const before = run(s);
        const withdrawal: LedgerEvent = {
          id: s.events.length + 1,
          kind: 'withdrawal',
          date: addDays(s.asOf, -back),
          source: null,
          basis: null,
          brand: null,
          supersedes: null,
        };
        const after = run({ ...s, events: [...s.events, withdrawal] });
        if (!isMailable(before.status)) expect(isMailable(after.status)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('events after the date change nothing (unless they correct an earlier one)', () => {
    fc.assert(
      fc.property(scenario, ledger, (s, later) => {
        const future = later.map((e, i) => ({ ...e, id: s.events.length + i + 1, date: addDays(s.asOf, 1 + (i % 400)), supersedes: null }));
        expect(run({ ...s, events: [...s.events, ...future] })).toEqual(run(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('implicit consent with an expiry counts on the day before expiresAt and not on it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // Only events that have happened by the date, so moving the date forward adds none.
        const events = s.events.filter((e) => e.date <= s.asOf);
        const now = run({ ...s, events });
        if (now.status !== 'implicit' || now.expiresAt === null) return;
        const lastDay = run({ ...s, events, asOf: addDays(now.expiresAt, -1) });
        expect(lastDay.status).toBe('implicit');
        expect(lastDay.expiresAt).toBe(now.expiresAt);
        expect(isMailable(run({ ...s, events, asOf: now.expiresAt }).status)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('always answers in its own shape: a reason and a sentence each, a rule, an explanation', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = run(s);
        expect(result.reasons.length).toBeGreaterThan(0);
        expect(result.sentences).toHaveLength(result.reasons.length);
        expect(result.rule).toMatch(new RegExp(`^${s.policy}/[1-8]$`));
        expect(result.sentences[0]).toMatch(new RegExp(`^Rule ${result.rule.split('/')[1]} `));
        expect(isMailable(result.status)).toBe(/\/[56]$/.test(result.rule));
        if (result.status !== 'implicit') expect(result.expiresAt).toBeNull();
        if (result.expiresAt !== null) expect(result.expiresAt > s.asOf).toBe(true);
        if (result.decidingEventId !== null) expect(s.events.some((e) => e.id === result.decidingEventId)).toBe(true);
        expect(explainStatus(result)).toContain(result.sentences[0]);
      }),
      { numRuns: 2000 },
    );
  });
});
