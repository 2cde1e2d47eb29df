import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '../consent/vocabulary.ts';
import { mapSourceWords, matchSourceWords } from './sources.ts';

describe('source words', () => {
  it.each([
    ['nettskjema', 'web-form'],
    ['Web form', 'web-form'],
    ['website', 'web-form'],
    ['Kontaktskjema på nettsiden', 'web-form'],
    ['kjøp', 'purchase'],
    ['Purchase', 'purchase'],
    ['Nettbutikk', 'purchase'],
    ['messe', 'event-booth'],
    ['Messe Lillestrøm 2024', 'event-booth'],
    ['trade show', 'event-booth'],
    ['Booth', 'event-booth'],
    ['visittkort', 'business-card'],
    ['Business card', 'business-card'],
    ['kjøpt liste', 'purchased-list'],
    ['Kjøpt liste fra LeadCo', 'purchased-list'],
    ['purchased list', 'purchased-list'],
    ['medlemsliste', 'member-list'],
    ['member list', 'member-list'],
    ['Medlem', 'membership'],
    ['nyhetsbrev', 'newsletter-signup'],
    ['E-mail signup', 'newsletter-signup'],
    ['Facebook lead ad', 'ad-conversion'],
    ['donasjon', 'donation'],
    ['Frivillig', 'volunteer'],
    ['avtale', 'contract'],
    ['henvendelse', 'direct-email'],
    ['deltakerliste', 'event-attendee-list'],
    ['tidligere arbeidsgiver', 'previous-company'],
    ['venner', 'personal'],
    ['ansattliste', 'employee-list'],
    ['oppkjøp', 'acquisition'],
    ['muntlig', 'met-in-person'],
    ['ukjent', 'unknown'],
  ])('%s → %s', (words, kind) => {
    expect(matchSourceWords(words)).toEqual({ source: kind });
  });

  it('takes the vocabulary’s own words in any case and spacing', () => {
    for (const kind of SOURCE_KINDS) {
      expect(mapSourceWords(kind)).toBe(kind);
      expect(mapSourceWords(kind.toUpperCase().replace(/-/g, ' '))).toBe(kind);
    }
  });

  it.each([
    ['ikke kjøpt', 'source-unsure', /not a source Tillit can be sure of/, {}],
    ['not a purchase', 'source-unsure', /not a source Tillit can be sure of/, {}],
    ['nyhetsbrev via nettside', 'source-ambiguous', /could be several sources \(web-form, newsletter-signup\)/, { sources: 'web-form, newsletter-signup' }],
    ['fax', 'source-unknown', /not a source Tillit knows/, {}],
    ['standard', 'source-unknown', /not a source Tillit knows/, {}], // "stand" only as a whole word
  ])('%s is a problem, not a guess (%s)', (words, code, problem, params) => {
    const match = matchSourceWords(words);
    expect(match.source).toBeNull();
    expect(match.problem).toEqual({ text: expect.stringMatching(problem), code, params: { value: words, ...params } });
  });

  it('an empty cell is no source and no problem', () => {
    expect(matchSourceWords(' ')).toEqual({ source: null });
  });
});
