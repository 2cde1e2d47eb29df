import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_ID, POLICIES, REASON_CODES, SOURCE_KINDS, sourceGroup } from './index.ts';

describe('policy tables', () => {
  it.each(Object.values(POLICIES))('$id has one well-formed row per source kind', (policy) => {
    expect(Object.keys(policy.sources).sort()).toEqual([...SOURCE_KINDS].sort());
    for (const rule of Object.values(policy.sources)) {
      // A refusal reason exactly when the evidence does not count; only known codes.
      expect(rule.implicit === 'not-consent').toBe(rule.refusal !== null);
      for (const code of [...rule.advice, ...(rule.refusal ? [rule.refusal] : [])]) expect(REASON_CODES).toContain(code);
      if (typeof rule.implicit === 'number') expect(rule.implicit).toBeGreaterThan(0);
      expect(rule.cite.length).toBeGreaterThan(10);
    }
  });

  it('the default table keeps the vocabulary’s groups (seed 003’s three lists)', () => {
    for (const kind of SOURCE_KINDS) expect(POLICIES.default.sources[kind].group).toBe(sourceGroup(kind));
  });

  it('no profile honours an explicit opt-in from a third-party or unverifiable source', () => {
    for (const policy of Object.values(POLICIES)) {
      for (const kind of SOURCE_KINDS) {
        if (sourceGroup(kind) !== 'acceptable') expect(policy.sources[kind].explicit).toBe(false);
      }
    }
  });

  it('the default profile is seed 003', () => {
    expect(DEFAULT_POLICY_ID).toBe('default');
    expect(POLICIES[DEFAULT_POLICY_ID].id).toBe('default');
  });
});
