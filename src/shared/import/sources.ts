// Words people write in a "source" column, mapped to the source vocabulary.

import { isSourceKind, type SourceKind } from '../consent/vocabulary.ts';

const WORDS: [SourceKind, string[]][] = [
  ['web-form', ['web form', 'webform', 'website', 'nettside', 'nettskjema', 'skjema', 'form', 'landing page', 'contact form', 'kontaktskjema']],
  ['newsletter-signup', ['newsletter', 'nyhetsbrev', 'newsletter signup', 'påmelding', 'signup', 'sign-up', 'sign up', 'påmeldingsskjema', 'paper form', 'papirskjema']],
  ['purchase', ['purchase', 'kjøp', 'customer', 'kunde', 'order', 'ordre', 'bestilling', 'webshop', 'nettbutikk', 'sale', 'salg']],
  ['contract', ['contract', 'kontrakt', 'avtale', 'agreement']],
  ['donation', ['donation', 'donasjon', 'gave', 'giver', 'donor']],
  ['volunteer', ['volunteer', 'frivillig', 'dugnad']],
  ['membership', ['membership', 'member', 'medlem', 'medlemskap']],
  ['ad-conversion', ['ad', 'ads', 'advert', 'annonse', 'facebook lead ad', 'lead ad', 'ad conversion']],
  ['event-booth', ['booth', 'stand', 'trade show', 'tradeshow', 'messe', 'fair', 'badge scan', 'event booth']],
  ['business-card', ['business card', 'visittkort', 'card']],
  ['purchased-list', ['purchased list', 'bought list', 'kjøpt liste', 'rented list', 'leid liste', 'list purchase']],
  ['member-list', ['member list', 'medlemsliste', 'organisation list', 'organization list']],
  ['previous-company', ['previous company', 'tidligere firma', 'tidligere arbeidsgiver', 'old job']],
  ['other-brand-form', ['other brand', 'partner form', 'annen merkevare', 'partner']],
  ['lead-vendor', ['lead vendor', 'data vendor', 'enrichment', 'prospect list', 'leads']],
  ['direct-email', ['direct email', 'e-mail', 'email', 'e-post', 'inquiry', 'henvendelse']],
  ['event-attendee-list', ['attendee list', 'deltakerliste', 'organiser list', 'organizer list', 'event organizer']],
  ['personal', ['personal', 'friend', 'friends', 'family', 'venn', 'venner', 'familie', 'former colleague', 'tidligere kollega']],
  ['employee-list', ['employee list', 'ansattliste', 'employees', 'ansatte']],
  ['acquisition', ['acquisition', 'merger', 'oppkjøp', 'fusjon']],
  ['met-in-person', ['met in person', 'verbal', 'muntlig', 'møtt', 'in person']],
  ['unknown', ['unknown', 'ukjent']],
];

const LOOKUP = new Map<string, SourceKind>();
for (const [kind, words] of WORDS) for (const w of words) LOOKUP.set(w, kind);

/** A source kind for a cell's words, or null when they are not recognised. */
export function mapSourceWords(value: string): SourceKind | null {
  const v = value.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  if (isSourceKind(v.replace(/ /g, '-'))) return v.replace(/ /g, '-') as SourceKind;
  return LOOKUP.get(v) ?? null;
}
