// Typo suggestions for the domain part (gmial.com → gmail.com, onlin.no → online.no). Only
// ever offered to the user, never applied: a near-miss can be a real domain.
//
// Own small matcher rather than @zootools/email-spell-checker's defaults: those suggest
// live.no for tine.no and me.com for me.no, and know no Norwegian providers. Here a domain
// is matched against well-known consumer mail domains by edit distance (a swap of two
// neighbouring letters counts as one edit), allowing one edit for short domains and two for
// long ones; failing that, a top-level domain that does not exist (.con, .cmo) is corrected.

/** Mail providers, most common first (ties in distance go to the earlier one). */
const POPULAR = [
  'gmail.com', 'hotmail.com', 'outlook.com', 'online.no', 'yahoo.com', 'icloud.com', 'live.com',
  'hotmail.no', 'live.no', 'yahoo.no', 'telenor.no', 'broadpark.no', 'altibox.no', 'lyse.net',
  'getmail.no', 'frisurf.no', 'c2i.net', 'chello.no', 'ebnett.no', 'haugnett.no', 'tele2.no',
  'nextgentel.com', 'me.com', 'mac.com', 'msn.com', 'aol.com', 'googlemail.com', 'protonmail.com',
  'proton.me', 'gmx.com', 'yahoo.co.uk', 'hotmail.co.uk', 'hotmail.se', 'hotmail.dk',
];

/** Real domains that sit close to a popular one and must not be "corrected". */
const LOOKALIKES = ['telenor.com', 'mail.com', 'gmx.net', 'gmx.de', 'live.se', 'live.dk', 'yahoo.se', 'yahoo.dk', 'outlook.dk', 'lyse.no'];

const KNOWN: ReadonlySet<string> = new Set([...POPULAR, ...LOOKALIKES]);

/** Top-level domains that do not exist but are typed for ones that do. */
const TLD_FIXES: Readonly<Record<string, string>> = {
  con: 'com', cmo: 'com', ocm: 'com', cpm: 'com', xom: 'com', vom: 'com', comm: 'com', coom: 'com',
  nte: 'net', nett: 'net', ogr: 'org', nno: 'no', noo: 'no',
};

/** A likely intended domain for a lower-case ASCII domain, or null. */
export function suggestDomain(domain: string): string | null {
  if (KNOWN.has(domain)) return null;
  const popular = closestPopular(domain);
  if (popular !== null) return popular;
  const dot = domain.lastIndexOf('.');
  const fix = TLD_FIXES[domain.slice(dot + 1)];
  if (fix === undefined) return null;
  const fixed = domain.slice(0, dot + 1) + fix;
  return KNOWN.has(fixed) ? fixed : (closestPopular(fixed) ?? fixed);
}

function closestPopular(domain: string): string | null {
  const limit = domain.length < 10 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of POPULAR) {
    if (Math.abs(candidate.length - domain.length) > limit) continue;
    const distance = editDistance(domain, candidate, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// Three reusable rows for editDistance: it runs for every new domain of an import, so it
// allocates nothing. Candidates are the short popular domains above.
const ROW_SIZE = 64;
let rowBefore = new Int32Array(ROW_SIZE);
let rowPrevious = new Int32Array(ROW_SIZE);
let rowCurrent = new Int32Array(ROW_SIZE);

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), giving
 * up with `limit + 1` as soon as every alignment is already worse than `limit`.
 * `b` must be shorter than 64 characters.
 */
export function editDistance(a: string, b: string, limit: number): number {
  for (let j = 0; j <= b.length; j++) rowPrevious[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rowCurrent[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rowPrevious[j]! + 1, rowCurrent[j - 1]! + 1, rowPrevious[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rowBefore[j - 2]! + 1);
      rowCurrent[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [rowBefore, rowPrevious, rowCurrent] = [rowPrevious, rowCurrent, rowBefore];
  }
  return Math.min(rowPrevious[b.length]!, limit + 1);
}
