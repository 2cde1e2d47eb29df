// Disposable (throw-away) mail domains, from the public `disposable-email-domains` lists:
// index.json names domains, wildcard.json names domains whose every subdomain is disposable.

import DOMAINS from 'disposable-email-domains/index.json' with { type: 'json' };
import WILDCARDS from 'disposable-email-domains/wildcard.json' with { type: 'json' };

// Built on first use: the list has over 100,000 entries and most callers never need it.
let domains: ReadonlySet<string> | null = null;
let wildcards: ReadonlySet<string> | null = null;

/** `domain` is lower-case ASCII (punycode for international names), as the checks produce it. */
export function isDisposableDomain(domain: string): boolean {
  domains ??= new Set(DOMAINS);
  wildcards ??= new Set(WILDCARDS);
  if (domains.has(domain)) return true;
  for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
    if (wildcards.has(domain.slice(dot + 1))) return true;
  }
  return false;
}
