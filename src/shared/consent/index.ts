export * from './vocabulary.ts';
export * from './types.ts';
export { evaluate, effectiveEvents, explainStatus } from './evaluate.ts';
export { POLICIES, DEFAULT_POLICY_ID } from './policies.ts';
export { addMonths } from './dates.ts';
