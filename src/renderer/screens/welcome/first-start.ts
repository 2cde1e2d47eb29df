// The first start's choices, kept apart from its form: which country suggests which policy,
// and whether the questions were answered or skipped on this computer. The flag sits with
// the language choice in the browser's storage (i18n/index.ts); when the language moves into
// the workspace settings, this flag can move with it.

import type { PolicyChoice } from '../../vocabulary.ts';

export const COUNTRIES = ['no', 'se', 'dk', 'fi', 'other-eea', 'ca', 'other'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Norway and the EU/EEA: markedsføringsloven § 15 and ePrivacy; Canada: CASL; elsewhere: the rulebook as it stands. */
export function suggestedPolicy(country: Country): PolicyChoice {
  if (country === 'ca') return 'casl';
  if (country === 'other') return 'default';
  return 'eu-soft-opt-in';
}

const DONE_KEY = 'tillit-first-start-done';

export function firstStartDone(): boolean {
  try {
    return localStorage.getItem(DONE_KEY) === '1';
  } catch {
    return false;
  }
}

export function markFirstStartDone(): void {
  try {
    localStorage.setItem(DONE_KEY, '1');
  } catch {
    // Storage refused (a private window): the questions show again next time, nothing worse.
  }
}
