// Words people write in a "source" column (English and Norwegian), to the source vocabulary
// (src/shared/consent/vocabulary.ts). The source decides whether consent can exist at all,
// so the matching is careful: the vocabulary's own words; a known phrase; or one known
// phrase inside a longer text ("Messe Lillestrøm 2024"), the longest winning. Two different
// kinds in one text, or a negation ("ikke kjøpt"), is a problem for the user, not a guess.

import { isSourceKind, type SourceKind } from '../consent/vocabulary.ts';
import type { CodedMessage } from '../contract/dto.ts';

const PHRASES: [SourceKind, string[]][] = [
  ['web-form', ['web form', 'webform', 'website', 'web site', 'online form', 'contact form', 'landing page', 'nettskjema', 'nettside', 'nettsiden', 'hjemmeside', 'hjemmesiden', 'nettsted', 'kontaktskjema', 'webskjema']],
  ['newsletter-signup', ['newsletter', 'newsletter signup', 'newsletter sign up', 'email signup', 'e-mail signup', 'e-post påmelding', 'signup', 'sign up', 'sign-up sheet', 'subscribe', 'paper form', 'signup sheet', 'nyhetsbrev', 'nyhetsbrevpåmelding', 'påmelding', 'påmeldingsskjema', 'påmeldingsliste', 'papirskjema', 'innmelding']],
  ['purchase', ['purchase', 'purchased', 'customer', 'order', 'webshop', 'web shop', 'online shop', 'sale', 'checkout', 'kjøp', 'kunde', 'kunder', 'ordre', 'bestilling', 'nettbutikk', 'salg', 'butikk']],
  ['contract', ['contract', 'agreement', 'kontrakt', 'avtale', 'kundeavtale']],
  ['donation', ['donation', 'donor', 'fundraising', 'donasjon', 'gave', 'giver', 'innsamling']],
  ['volunteer', ['volunteer', 'volunteering', 'frivillig', 'frivillige', 'dugnad']],
  ['membership', ['membership', 'member', 'medlem', 'medlemskap']],
  ['ad-conversion', ['ad', 'ads', 'advert', 'advertisement', 'lead ad', 'facebook lead ad', 'lead form ad', 'ad conversion', 'annonse', 'annonsering']],
  ['event-booth', ['booth', 'stand', 'trade show', 'tradeshow', 'trade fair', 'fair', 'expo', 'exhibition', 'badge scan', 'event booth', 'messe', 'messestand', 'stand på messe']],
  ['business-card', ['business card', 'business cards', 'visittkort']],
  ['purchased-list', ['purchased list', 'bought list', 'rented list', 'borrowed list', 'list purchase', 'list rental', 'third party list', 'kjøpt liste', 'kjøpte lister', 'leid liste', 'lånt liste', 'kjøpt adresseliste']],
  ['member-list', ['member list', 'membership list', 'organisation list', 'organization list', 'association list', 'medlemsliste', 'foreningsliste']],
  ['previous-company', ['previous company', 'previous employer', 'former employer', 'old job', 'tidligere firma', 'tidligere arbeidsgiver', 'forrige jobb']],
  ['other-brand-form', ['other brand', 'another brand', 'partner form', 'sister company', 'annen merkevare', 'søsterselskap']],
  ['lead-vendor', ['lead vendor', 'data vendor', 'lead generation', 'enrichment', 'prospect list', 'leads', 'prospektliste', 'leverandør av leads']],
  ['direct-email', ['direct email', 'direct e-mail', 'email', 'e-mail', 'inquiry', 'enquiry', 'e-post', 'epost', 'henvendelse']],
  ['event-attendee-list', ['attendee list', 'participant list', 'organiser list', 'organizer list', 'event organizer', 'event organiser', 'deltakerliste', 'deltagerliste', 'arrangør']],
  ['personal', ['personal', 'friend', 'friends', 'family', 'former colleague', 'privat', 'venn', 'venner', 'familie', 'tidligere kollega', 'bekjent']],
  ['employee-list', ['employee list', 'employees', 'staff list', 'ansattliste', 'ansatte', 'personalliste']],
  ['acquisition', ['acquisition', 'merger', 'acquired company', 'oppkjøp', 'fusjon']],
  ['met-in-person', ['met in person', 'in person', 'verbal', 'face to face', 'muntlig', 'møtt', 'personlig møte']],
  ['unknown', ['unknown', 'ukjent']],
];

const NEGATIONS = new Set(['not', 'no', 'non', 'ikke', 'ingen', 'uten']);

/** Lower-case words (letters and digits), so "Web-form!" and "web form" are alike. */
function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

const EXACT = new Map<string, SourceKind>();
const TOKENIZED: { kind: SourceKind; tokens: string[] }[] = [];
for (const [kind, phrases] of PHRASES) {
  for (const phrase of phrases) {
    EXACT.set(words(phrase).join(' '), kind);
    TOKENIZED.push({ kind, tokens: words(phrase) });
  }
}

function containsAt(haystack: string[], needle: string[], at: number): boolean {
  return needle.every((t, i) => haystack[at + i] === t);
}

export interface SourceMatch {
  source: SourceKind | null;
  /** Why the words name no one source; params: value (and sources). */
  problem?: Required<CodedMessage>;
}

/** The source kind a cell's words name; null with a problem when they name none or several. */
export function matchSourceWords(value: string): SourceMatch {
  const v = value.trim();
  if (v === '') return { source: null };
  const kebab = v.toLowerCase().replace(/[\s_]+/g, '-');
  if (isSourceKind(kebab)) return { source: kebab };
  const tokens = words(v);
  const exact = EXACT.get(tokens.join(' '));
  if (exact) return { source: exact };
  if (tokens.some((t) => NEGATIONS.has(t))) {
    return { source: null, problem: { text: `“${v}” is not a source Tillit can be sure of; choose one from the list`, code: 'source-unsure', params: { value: v } } };
  }

  // Phrases found inside the text; a phrase inside a longer match does not count.
  const found: { kind: SourceKind; from: number; to: number }[] = [];
  for (const { kind, tokens: phrase } of TOKENIZED) {
    for (let at = 0; at + phrase.length <= tokens.length; at++) {
      if (containsAt(tokens, phrase, at)) found.push({ kind, from: at, to: at + phrase.length });
    }
  }
  const outer = found.filter((f) => !found.some((g) => g !== f && g.from <= f.from && g.to >= f.to && g.to - g.from > f.to - f.from));
  const kinds = [...new Set(outer.map((f) => f.kind))];
  if (kinds.length === 1) return { source: kinds[0]! };
  if (kinds.length > 1) {
    const sources = kinds.join(', ');
    return { source: null, problem: { text: `“${v}” could be several sources (${sources}); choose one`, code: 'source-ambiguous', params: { value: v, sources } } };
  }
  return { source: null, problem: { text: `“${v}” is not a source Tillit knows; choose one from the list`, code: 'source-unknown', params: { value: v } } };
}

/** The source kind for a cell's words, or null. */
export function mapSourceWords(value: string): SourceKind | null {
  return matchSourceWords(value).source;
}
