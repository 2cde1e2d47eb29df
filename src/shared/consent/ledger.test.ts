import { describe, expect, it } from 'vitest';
import { effectiveEvents, isLater } from './ledger.ts';
import { event, optIn } from './test-helpers.ts';

const ids = (list: { id: number }[]): number[] => list.map((e) => e.id);

describe('effectiveEvents', () => {
  it('orders by date, then by id (recording order) on the same date', () => {
    const events = [optIn(3, 'purchase', '2025-01-02'), event(2, 'withdrawal', '2025-01-01'), optIn(1, 'web-form', '2025-01-01')];
    expect(ids(effectiveEvents(events, '2026-01-01'))).toEqual([1, 2, 3]);
  });

  it('leaves out events after the date, keeps those on it', () => {
    const events = [optIn(1, 'purchase', '2026-01-01'), optIn(2, 'purchase', '2026-01-02')];
    expect(ids(effectiveEvents(events, '2026-01-01'))).toEqual([1]);
  });

  it('leaves out voids and what they cancel; keeps a replacement', () => {
    const events = [optIn(1, 'purchase', '2025-01-01'), event(2, 'void', '2025-02-01', { supersedes: 1 }), optIn(3, 'web-form', '2025-01-01'), optIn(4, 'web-form', '2025-01-05', 'explicit', { supersedes: 3 })];
    expect(ids(effectiveEvents(events, '2026-01-01'))).toEqual([4]);
  });

  it('a void of a void restores the original; a void of a replacement restores the replaced one', () => {
    const undoUndo = [optIn(1, 'purchase', '2025-01-01'), event(2, 'void', '2025-02-01', { supersedes: 1 }), event(3, 'void', '2025-03-01', { supersedes: 2 })];
    expect(ids(effectiveEvents(undoUndo, '2026-01-01'))).toEqual([1]);
    const undoFix = [optIn(1, 'purchase', '2025-01-01'), optIn(2, 'purchase', '2025-06-01', 'implicit', { supersedes: 1 }), event(3, 'void', '2025-07-01', { supersedes: 2 })];
    expect(ids(effectiveEvents(undoFix, '2026-01-01'))).toEqual([1]);
  });

  it('supersession applies whatever the superseding event’s date', () => {
    const events = [optIn(1, 'purchase', '2025-01-01'), event(2, 'void', '2027-01-01', { supersedes: 1 })];
    expect(effectiveEvents(events, '2026-01-01')).toEqual([]);
  });

  it('ignores links to itself or to a later id', () => {
    const events = [optIn(1, 'purchase', '2025-01-01', 'implicit', { supersedes: 1 }), optIn(2, 'purchase', '2025-01-01', 'implicit', { supersedes: 3 }), optIn(3, 'purchase', '2025-01-01')];
    expect(ids(effectiveEvents(events, '2026-01-01'))).toEqual([1, 2, 3]);
  });
});

describe('isLater', () => {
  it('compares dates first, then ids', () => {
    expect(isLater(optIn(1, 'purchase', '2025-01-02'), optIn(2, 'purchase', '2025-01-01'))).toBe(true);
    expect(isLater(optIn(2, 'purchase', '2025-01-01'), optIn(1, 'purchase', '2025-01-01'))).toBe(true);
    expect(isLater(optIn(1, 'purchase', '2025-01-01'), optIn(1, 'purchase', '2025-01-01'))).toBe(false);
  });
});
