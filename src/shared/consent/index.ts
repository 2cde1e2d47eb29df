// The consent rules engine (pure): vocabulary, types, policy profiles, evaluation.
export * from './vocabulary.ts';
export * from './types.ts';
export { evaluate } from './evaluate.ts';
export { explainStatus } from './explain.ts';
export { effectiveEvents, isLater } from './ledger.ts';
export { POLICIES, DEFAULT_POLICY_ID } from './policies.ts';
export { addDays, addMonths } from './dates.ts';
