// A quick timing check, not a test (timed tests are flaky on noisy machines):
//   node src/shared/email/micro-check.ts
// Calls checkEmail and normalizeEmail on a million generated addresses shaped like a messy
// import: mostly valid, with varied case, many distinct company domains, role and
// international addresses, typos, wrappers and some invalid cells.

import { checkEmail, normalizeEmail } from './index.ts';

const FIRST = ['ola', 'kari', 'Per', 'Anne', 'nils', 'Ingrid', 'ØYVIND', 'åse', 'Bjørn', 'john', 'mary', 'li'];
const LAST = ['nordmann', 'Hansen', 'olsen', 'Johansen', 'lie', 'Ødegård', 'berg', 'smith', 'dahl'];
const PROVIDERS = ['gmail.com', 'hotmail.com', 'online.no', 'outlook.com', 'yahoo.no', 'gmial.com', 'icloud.com', 'live.no'];
const ODD = ['', '  ', 'post@firma.no', 'ola@@x.no', 'a@b.no; c@d.no', 'Ola <ola@firma.no>', 'mailto:kari@ødegård.no', 'ola@firma', 'ola nordmann@x.no'];

function row(i: number): string {
  if (i % 50 === 0) return ODD[(i / 50) % ODD.length]!;
  const name = `${FIRST[i % FIRST.length]!}.${LAST[(i >> 3) % LAST.length]!}${i % 7 === 0 ? String(i % 1000) : ''}`;
  // About a third at big providers; the rest spread over 100,000 company domains.
  const domain = i % 3 === 0 ? PROVIDERS[i % PROVIDERS.length]! : `firma${(i * 7919) % 100_000}.${i % 5 === 0 ? 'com' : 'no'}`;
  return `${name}@${domain}`;
}

const rows = 1_000_000;
const inputs = Array.from({ length: rows }, (_, i) => row(i));

function time(label: string, run: (input: string) => unknown): void {
  const start = performance.now();
  for (const input of inputs) run(input);
  const ms = performance.now() - start;
  console.log(`${label}: ${rows.toLocaleString('en')} calls in ${ms.toFixed(0)} ms (${Math.round((rows / ms) * 1000).toLocaleString('en')}/s)`);
}

time('checkEmail (cold domain cache)', checkEmail);
time('checkEmail (warm domain cache)', checkEmail);
time('normalizeEmail', normalizeEmail);
const valid = inputs.filter((input) => checkEmail(input).valid).length;
console.log(`valid: ${valid.toLocaleString('en')} of ${rows.toLocaleString('en')}`);
