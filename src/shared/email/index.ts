// E-mail address checks (pure): see check.ts for what counts as a valid address.
export { checkEmail, normalizeEmail, isRoleAddress, type EmailCheck, type EmailProblem } from './check.ts';
