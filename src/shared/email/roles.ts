// Role-based (shared) mailboxes: info@, post@, salg@ … read by several people, so nobody can
// give personal, verifiable consent for them (seed 003, "Rollebaserte e-postadresser").
// Source: the public `role-based-email-addresses` list (English and some other languages),
// plus Norwegian names it lacks, minus entries that are people's names or initials here.

import PUBLIC_ROLES from 'role-based-email-addresses';
import { foldCase } from './text.ts';

/** Shared-mailbox names used by Norwegian businesses, associations and public bodies. */
const NORWEGIAN_ROLES = [
  'post', 'postmottak', 'firmapost', 'epost', 'mottak', 'kontakt', 'kontakt-oss', 'kontaktoss',
  'hei', 'hallo', 'salg', 'marked', 'markedsforing', 'markedsføring', 'kommunikasjon', 'presse',
  'faktura', 'fakturamottak', 'fakturering', 'regnskap', 'okonomi', 'økonomi', 'lonn', 'lønn',
  'innkjop', 'innkjøp', 'kundeservice', 'kundesenter', 'kundestotte', 'kundestøtte', 'brukerstotte',
  'brukerstøtte', 'hjelp', 'service', 'resepsjon', 'resepsjonen', 'sentralbord', 'ekspedisjon',
  'kontor', 'booking', 'bestilling', 'bestillinger', 'ordre', 'ordrer', 'butikk', 'nettbutikk',
  'lager', 'verksted', 'drift', 'admin', 'administrasjon', 'ledelse', 'leder', 'dagligleder',
  'daglig.leder', 'styret', 'styreleder', 'sekretariat', 'personal', 'personalavdeling', 'hr',
  'jobb', 'rekruttering', 'it', 'noreply', 'no-reply', 'ikke-svar', 'ikkesvar', 'svarikke',
];

/**
 * Entries of the public list that are given names in Norway (Per, Ask) or look like a
 * person's initials (two letters: "md@firma.no" is usually Mari Dahl). Flagging them would
 * block real people for good; `hr`, `it` and `hq` stay, as they are rarely anyone's initials.
 */
const NOT_ROLES = new Set([
  'per', 'ask', 'sydney', 'paris',
  'ap', 'bd', 'ca', 'cm', 'cs', 'gm', 'la', 'lt', 'md', 'mt', 'no', 'ny', 'pd', 'pm', 'pr', 'qa', 'rh', 'se', 'sf', 'ta', 'uk', 'us', 'ux',
]);

const ROLES: ReadonlySet<string> = new Set(
  [...PUBLIC_ROLES.filter((name) => !NOT_ROLES.has(name)), ...NORWEGIAN_ROLES].map(foldCase),
);

/**
 * True when a case-folded local part names a shared mailbox. A "+tag" is ignored
 * (post+nyhetsbrev@ is still post@).
 */
export function isRoleLocalPart(foldedLocal: string): boolean {
  const plus = foldedLocal.indexOf('+');
  return ROLES.has(plus === -1 ? foldedLocal : foldedLocal.slice(0, plus));
}
