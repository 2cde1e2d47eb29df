// The rules engine, table by table. Each row of the first tables is one bullet of seed 003
// (HubSpot's "Forstå opt-in-samtykke for e-post"), quoted in Norwegian in the row's name.

import { describe, expect, it } from 'vitest';
import { evaluate, explainStatus, POLICIES, type Evaluation, type LedgerEvent, type PolicyId, type ReasonCode, type Status } from './index.ts';
import { event, optIn } from './test-helpers.ts';

const AS_OF = '2026-06-15';
const BRAND = 'Bakeriet';

interface Row {
  name: string;
  email?: string;
  events: readonly LedgerEvent[];
  asOf?: string;
  brand?: string | null;
  status: Status;
  reasons: ReasonCode[];
  rule: string;
  expiresAt?: string | null;
  deciding?: number | null;
}

function run(row: Row, policy: PolicyId = 'default'): Evaluation {
  const context = { asOf: row.asOf ?? AS_OF, workspaceBrand: row.brand === undefined ? BRAND : row.brand };
  return evaluate(row.email ?? 'ola.nordmann@firma.no', row.events, POLICIES[policy], context);
}

function check(row: Row, policy: PolicyId = 'default'): Evaluation {
  const result = run(row, policy);
  expect({ status: result.status, reasons: result.reasons, rule: result.rule }).toEqual({ status: row.status, reasons: row.reasons, rule: row.rule });
  if (row.expiresAt !== undefined) expect(result.expiresAt).toBe(row.expiresAt);
  if (row.deciding !== undefined) expect(result.decidingEventId).toBe(row.deciding);
  // One sentence per reason; the deciding one cites its rule.
  expect(result.sentences).toHaveLength(result.reasons.length);
  expect(result.sentences[0]).toMatch(new RegExp(`^Rule ${row.rule.split('/')[1]} \\(`));
  if (result.status !== 'implicit') expect(result.expiresAt).toBeNull();
  return result;
}

const IMPLICIT_NO_EXPIRY: ReasonCode[] = ['implicit-signup', 'consider-explicit'];
const IMPLICIT_WINDOW: ReasonCode[] = ['implicit-relationship', 'consider-explicit'];
const THIRD_PARTY: ReasonCode[] = ['not-acceptable-source', 'one-to-one-only'];

describe('seed 003, "Akseptable former for samtykke" (acceptable forms of consent)', () => {
  const rows: Row[] = [
    {
      name: '«Kontakter som har sendt inn et skjema på nettstedet ditt» — web form, no explicit tick: implicit, no fixed expiry',
      events: [optIn(1, 'web-form', '2020-05-01')],
      status: 'implicit', reasons: IMPLICIT_NO_EXPIRY, rule: 'default/6', expiresAt: null, deciding: 1,
    },
    {
      name: '«…skjema på nettstedet ditt» with a ticked consent box: explicit',
      events: [optIn(1, 'web-form', '2020-05-01', 'explicit')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5', deciding: 1,
    },
    {
      name: '«Kontakter som har kjøpt noe av varemerket ditt i løpet av de siste to årene» — purchase: two years',
      events: [optIn(1, 'purchase', '2025-03-01')],
      status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2027-03-01', deciding: 1,
    },
    {
      name: '«…kjøpt noe … i løpet av de siste to årene» — a purchase over two years ago no longer counts',
      events: [optIn(1, 'purchase', '2024-01-10')],
      status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'default/7', deciding: 1,
    },
    {
      name: '«Kontakter som har inngått en skriftlig kontrakt med varemerket ditt i løpet av de siste to årene» — contract',
      events: [optIn(1, 'contract', '2025-01-20')],
      status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2027-01-20',
    },
    {
      name: '«…skriftlig kontrakt … i løpet av de siste to årene» — an older contract has expired',
      events: [optIn(1, 'contract', '2023-01-20')],
      status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'default/7',
    },
    {
      name: '«Kontakter som har donert til … bedriften din i løpet av de siste to årene» — donation',
      events: [optIn(1, 'donation', '2024-12-24')],
      status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2026-12-24',
    },
    {
      name: '«…eller utført frivillig arbeid for bedriften din i løpet av de siste to årene» — volunteering',
      events: [optIn(1, 'volunteer', '2025-05-17')],
      status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2027-05-17',
    },
    {
      name: '«…donert til eller utført frivillig arbeid…» — more than two years ago: expired',
      events: [optIn(1, 'donation', '2023-12-24'), optIn(2, 'volunteer', '2024-05-17')],
      status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'default/7', deciding: 2,
    },
    {
      name: '«Kontakter som har meldt seg inn i og er aktive brukere av tjenesten, organisasjonen eller klubben din» — active member',
      events: [optIn(1, 'membership', '2015-02-01')],
      status: 'implicit', reasons: ['membership-active', 'consider-explicit'], rule: 'default/6', expiresAt: null,
    },
    {
      name: '«…og er aktive brukere…» — a member who has left is no longer covered',
      events: [optIn(1, 'membership', '2015-02-01'), event(2, 'membership-end', '2026-01-01')],
      status: 'needs-reconfirmation', reasons: ['membership-ended'], rule: 'default/7', deciding: 1,
    },
    {
      name: '«Kontakter som har fylt ut et papir- eller elektronisk påmeldingsskjema spesielt for nyhetsbrevet ditt»',
      events: [optIn(1, 'newsletter-signup', '2019-09-09')],
      status: 'implicit', reasons: IMPLICIT_NO_EXPIRY, rule: 'default/6', expiresAt: null,
    },
    {
      name: '«…påmeldingsskjema spesielt for nyhetsbrevet ditt» — confirmed by double opt-in: explicit',
      events: [optIn(1, 'newsletter-signup', '2019-09-09', 'explicit')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5',
    },
    {
      name: '«Kontakter som har konvertert på annonsen din» — ad conversion',
      events: [optIn(1, 'ad-conversion', '2026-01-05')],
      status: 'implicit', reasons: IMPLICIT_NO_EXPIRY, rule: 'default/6', expiresAt: null,
    },
    {
      name: '«Merk: … bør du vurdere å innhente eksplisitt samtykke» — the advice comes with implicit consent only',
      events: [optIn(1, 'ad-conversion', '2026-01-05'), optIn(2, 'web-form', '2026-02-05', 'explicit')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5', deciding: 2,
    },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });

  it('«vurdere å innhente eksplisitt samtykke»: the advice sentence names the checkbox or written consent', () => {
    const result = check(rows[0]!);
    expect(result.sentences[1]).toMatch(/^Advice \(seed 003\): ask for explicit consent — a checkbox they tick on a form, or written consent/);
  });

  it('the rule 6 sentence gives the window and its last day', () => {
    const result = check(rows[2]!);
    expect(result.sentences[0]).toBe(
      'Rule 6 (seed 003: purchases within the last two years): this contact bought on 2025-03-01; implicit consent lasts until 2027-03-01 (the last day it counts is 2027-02-28).',
    );
  });
});

describe('seed 003, "Uakseptable former for samtykke" (unacceptable forms of consent)', () => {
  const rows: Row[] = [
    {
      name: '«…kjøpt, leid, lånt eller på annen måte hentet fra en tredjepartsliste» — bought list',
      events: [optIn(1, 'purchased-list', '2026-01-01')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8', deciding: 1,
    },
    {
      name: '«Noen lister kan annonsere at de har innhentet opt-in-samtykke, men de kan ikke brukes» — even marked explicit',
      events: [optIn(1, 'purchased-list', '2026-01-01', 'explicit')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8',
    },
    {
      name: '«Medlems- eller organisasjonslister: Disse regnes som tredjepartslister»',
      events: [optIn(1, 'member-list', '2026-01-01', 'explicit')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8',
    },
    {
      name: '«Personlige forretningskontakter fra et tidligere selskap … overføres ikke til ditt nye selskap»',
      events: [optIn(1, 'previous-company', '2026-01-01', 'explicit')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8',
    },
    {
      name: '«Kontakter som har sendt inn et skjema på en annen merkevares nettsted»',
      events: [optIn(1, 'other-brand-form', '2026-01-01', 'explicit')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8',
    },
    {
      name: '«Kontakter fra lead-/prospect-leverandører eller databerikingsverktøy»',
      events: [optIn(1, 'lead-vendor', '2026-01-01')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8',
    },
    {
      name: '«Kontakter som har sendt deg en e-post direkte … betyr ikke at vedkommende samtykker til massekommunikasjon»',
      events: [optIn(1, 'direct-email', '2026-01-01')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8',
    },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });

  it('«…kan du likevel sende dem en en-til-en-e-post»: the extra reason says re-confirmation e-mails are marketing in Canada and Norway', () => {
    const result = check(rows[0]!);
    expect(result.sentences[0]).toBe(
      'Rule 8 (seed 003: bought, rented or borrowed lists cannot be used): this contact came from a bought, rented or borrowed list on 2026-01-01; consent given to someone else does not transfer to you.',
    );
    expect(result.sentences[1]).toMatch(/one-to-one/);
    expect(result.sentences[1]).toMatch(/re-confirmation e-mail is itself marketing in Canada \(CASL\) and Norway/);
  });
});

describe('seed 003, "Andre vanlige scenarier" (other common scenarios)', () => {
  const rows: Row[] = [
    {
      name: '«Venner, familie eller tidligere kolleger … sørg for at de har gitt en av de akseptable samtykkemetodene»',
      events: [optIn(1, 'personal', '2026-01-01')],
      status: 'needs-reconfirmation', reasons: ['needs-verification'], rule: 'default/7', deciding: 1,
    },
    {
      name: '«…henvendt seg til standen din og oppgitt informasjonen sin ved å skanne et skilt … oppfyller opt-in-kravene» — booth',
      events: [optIn(1, 'event-booth', '2026-03-01')],
      status: 'implicit', reasons: IMPLICIT_NO_EXPIRY, rule: 'default/6', expiresAt: null,
    },
    {
      name: '«…gitt deg visittkortet sitt…» — business card at your stand',
      events: [optIn(1, 'business-card', '2026-03-01')],
      status: 'implicit', reasons: IMPLICIT_NO_EXPIRY, rule: 'default/6',
    },
    {
      name: '«…fått kontaktens opplysninger fra en deltakerliste fra arrangøren … regnes det ikke som samtykke»',
      events: [optIn(1, 'event-attendee-list', '2026-03-01')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8',
    },
    {
      name: '«Lister over ansatte fra arbeidsgiveren … vurdere å kontakte de ansatte i en én-til-én-e-post»',
      events: [optIn(1, 'employee-list', '2026-03-01')],
      status: 'needs-reconfirmation', reasons: ['needs-verification'], rule: 'default/7',
    },
    {
      name: '«Kontakter som erverves gjennom en merkevarefusjon eller et oppkjøp … bekrefte sin opt-in-status på nytt»',
      events: [optIn(1, 'acquisition', '2026-03-01', 'explicit')],
      status: 'needs-reconfirmation', reasons: ['other-brand'], rule: 'default/7',
    },
    {
      name: '«…oppkjøp…» — an explicit opt-in recorded for the acquired brand does not carry over',
      events: [optIn(1, 'web-form', '2024-03-01', 'explicit', { brand: 'Gamle Bakeri AS' })],
      status: 'needs-reconfirmation', reasons: ['other-brand'], rule: 'default/7',
    },
    {
      name: '«Kontakter du har møtt personlig … Muntlig samtykke er ikke verifiserbart»',
      events: [optIn(1, 'met-in-person', '2026-03-01', 'explicit')],
      status: 'needs-reconfirmation', reasons: ['needs-verification'], rule: 'default/7',
    },
    {
      name: '«Rollebaserte e-postadresser … kan du ikke få verifiserbart samtykke fra en rollebasert e-postadresse»',
      email: 'post@bakeriet.no',
      events: [optIn(1, 'web-form', '2026-03-01', 'explicit')],
      status: 'not-permitted', reasons: ['role-address', 'one-to-one-only'], rule: 'default/4', deciding: null,
    },
    {
      name: '«Rollebaserte…» — English role names too (info@)',
      email: 'Info@Firma.no',
      events: [optIn(1, 'purchase', '2026-03-01')],
      status: 'not-permitted', reasons: ['role-address', 'one-to-one-only'], rule: 'default/4',
    },
    {
      name: '«Manglende opt-out oppfyller ikke HubSpots krav» — no evidence at all',
      events: [],
      status: 'needs-reconfirmation', reasons: ['no-evidence'], rule: 'default/7', deciding: null,
    },
    {
      name: '«Manglende opt-out…» — only records with no source',
      events: [optIn(1, 'unknown', '2026-03-01', null), event(2, 'note', '2026-03-02')],
      status: 'needs-reconfirmation', reasons: ['no-evidence'], rule: 'default/7', deciding: 1,
    },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });
});

describe('rule order and precedence', () => {
  const rows: Row[] = [
    {
      name: 'rule 1: an invalid address is invalid whatever the evidence',
      email: 'ola@@firma.no',
      events: [optIn(1, 'web-form', '2026-01-01', 'explicit')],
      status: 'invalid', reasons: ['invalid-address'], rule: 'default/1', deciding: null,
    },
    {
      name: 'rule 2: a hard bounce beats explicit consent given before it',
      events: [optIn(1, 'web-form', '2025-01-01', 'explicit'), event(2, 'hard-bounce', '2026-01-01')],
      status: 'bounced', reasons: ['hard-bounce'], rule: 'default/2', deciding: 2,
    },
    {
      name: 'rule 2: bounce, then re-confirmation → explicit',
      events: [optIn(1, 'web-form', '2025-01-01', 'explicit'), event(2, 'hard-bounce', '2026-01-01'), event(3, 'reconfirmation', '2026-02-01')],
      status: 'explicit', reasons: ['reconfirmed'], rule: 'default/5', deciding: 3,
    },
    {
      name: 'rule 2: bounce, then an explicit opt-in from an acceptable source → explicit',
      events: [event(1, 'hard-bounce', '2026-01-01'), optIn(2, 'newsletter-signup', '2026-02-01', 'explicit')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5',
    },
    {
      name: 'rule 2: bounce, then only implicit evidence → still bounced',
      events: [event(1, 'hard-bounce', '2026-01-01'), optIn(2, 'purchase', '2026-02-01')],
      status: 'bounced', reasons: ['hard-bounce'], rule: 'default/2',
    },
    {
      name: 'rule 2: bounce, then an "explicit" bought list → still bounced',
      events: [event(1, 'hard-bounce', '2026-01-01'), optIn(2, 'purchased-list', '2026-02-01', 'explicit')],
      status: 'bounced', reasons: ['hard-bounce'], rule: 'default/2',
    },
    {
      name: 'rule 2: bounce, then a re-confirmation for another brand → still bounced',
      events: [event(1, 'hard-bounce', '2026-01-01'), event(2, 'reconfirmation', '2026-02-01', { brand: 'Konditoriet' })],
      status: 'bounced', reasons: ['hard-bounce'], rule: 'default/2',
    },
    {
      name: 'rule 2 before 3: bounced and unsubscribed → bounced',
      events: [event(1, 'withdrawal', '2026-01-01'), event(2, 'hard-bounce', '2026-02-01')],
      status: 'bounced', reasons: ['hard-bounce'], rule: 'default/2',
    },
    {
      name: 'rule 3: a withdrawal beats earlier explicit consent',
      events: [optIn(1, 'web-form', '2025-01-01', 'explicit'), event(2, 'withdrawal', '2026-01-01')],
      status: 'unsubscribed', reasons: ['withdrawn'], rule: 'default/3', deciding: 2,
    },
    {
      name: 'rule 3: a spam complaint counts as a withdrawal',
      events: [optIn(1, 'web-form', '2025-01-01', 'explicit'), event(2, 'complaint', '2026-01-01')],
      status: 'unsubscribed', reasons: ['complaint'], rule: 'default/3',
    },
    {
      name: 'rule 3: withdrawal, then re-subscribed explicitly → explicit',
      events: [event(1, 'withdrawal', '2025-01-01'), optIn(2, 'web-form', '2026-01-01', 'explicit')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5', deciding: 2,
    },
    {
      name: 'rule 3: withdrawal, then an implicit purchase → still unsubscribed',
      events: [event(1, 'withdrawal', '2025-01-01'), optIn(2, 'purchase', '2026-01-01')],
      status: 'unsubscribed', reasons: ['withdrawn'], rule: 'default/3', deciding: 1,
    },
    {
      name: 'rule 3: withdrawal, then explicit consent to another brand → still unsubscribed',
      events: [event(1, 'withdrawal', '2025-01-01'), optIn(2, 'web-form', '2026-01-01', 'explicit', { brand: 'Konditoriet' })],
      status: 'unsubscribed', reasons: ['withdrawn'], rule: 'default/3',
    },
    {
      name: 'rule 3: withdrawal and opt-in on the same day — the one recorded later wins (opt-in)',
      events: [event(1, 'withdrawal', '2026-01-01'), optIn(2, 'web-form', '2026-01-01', 'explicit')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5',
    },
    {
      name: 'rule 3: opt-in and withdrawal on the same day — the one recorded later wins (withdrawal)',
      events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'withdrawal', '2026-01-01')],
      status: 'unsubscribed', reasons: ['withdrawn'], rule: 'default/3',
    },
    {
      name: 'rule 3: evidence before a lifted withdrawal is spent (re-subscribe, unsubscribe again, buy)',
      events: [optIn(1, 'purchase', '2025-01-01'), event(2, 'withdrawal', '2025-02-01'), optIn(3, 'web-form', '2025-03-01', 'explicit'), event(4, 'withdrawal', '2025-04-01'), optIn(5, 'purchase', '2026-01-01')],
      status: 'unsubscribed', reasons: ['withdrawn'], rule: 'default/3', deciding: 4,
    },
    {
      name: 'rule 3 before 4: a role address that unsubscribed is unsubscribed',
      email: 'post@firma.no',
      events: [event(1, 'withdrawal', '2026-01-01')],
      status: 'unsubscribed', reasons: ['withdrawn'], rule: 'default/3',
    },
    {
      name: 'rule 5: bought list, then our web form (explicit) → explicit',
      events: [optIn(1, 'purchased-list', '2025-01-01'), optIn(2, 'web-form', '2026-01-01', 'explicit')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5', deciding: 2,
    },
    {
      name: 'rule 5: explicit, then a later purchase → still explicit (implicit never downgrades)',
      events: [optIn(1, 'web-form', '2020-01-01', 'explicit'), optIn(2, 'purchase', '2026-01-01')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5', deciding: 1,
    },
    {
      name: 'rule 5: explicit, then a later bought list → still explicit',
      events: [optIn(1, 'web-form', '2020-01-01', 'explicit'), optIn(2, 'purchased-list', '2026-01-01')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5',
    },
    {
      name: 'rule 6: bought list, then a purchase → implicit (newer acceptable evidence lifts rule 8)',
      events: [optIn(1, 'purchased-list', '2025-01-01'), optIn(2, 'purchase', '2026-01-01')],
      status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', deciding: 2, expiresAt: '2028-01-01',
    },
    {
      name: 'rule 6: met in person, then signed up on the web form → implicit (lifts rule 7)',
      events: [optIn(1, 'met-in-person', '2025-01-01'), optIn(2, 'web-form', '2026-01-01')],
      status: 'implicit', reasons: IMPLICIT_NO_EXPIRY, rule: 'default/6', deciding: 2,
    },
    {
      name: 'rule 6: the latest of several purchases, contracts and donations sets the expiry',
      events: [optIn(1, 'purchase', '2023-01-01'), optIn(2, 'donation', '2025-08-01'), optIn(3, 'contract', '2025-02-01')],
      status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', deciding: 2, expiresAt: '2027-08-01',
    },
    {
      name: 'rule 6: evidence with no fixed expiry is preferred to a window',
      events: [optIn(1, 'newsletter-signup', '2020-01-01'), optIn(2, 'purchase', '2026-01-01')],
      status: 'implicit', reasons: IMPLICIT_NO_EXPIRY, rule: 'default/6', deciding: 1, expiresAt: null,
    },
    {
      name: 'rule 7 before 8: a bought list and a friend → needs re-confirmation',
      events: [optIn(1, 'purchased-list', '2025-01-01'), optIn(2, 'personal', '2024-01-01')],
      status: 'needs-reconfirmation', reasons: ['needs-verification'], rule: 'default/7', deciding: 2,
    },
    {
      name: 'rule 7: expired purchase and a bought list → needs re-confirmation (implicit-expired)',
      events: [optIn(1, 'purchase', '2023-01-01'), optIn(2, 'purchased-list', '2025-01-01')],
      status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'default/7', deciding: 1,
    },
    {
      name: 'rule 7: every distinct reason is given, the most recent first',
      events: [optIn(1, 'purchase', '2023-01-01'), optIn(2, 'employee-list', '2025-01-01'), optIn(3, 'web-form', '2025-06-01', 'explicit', { brand: 'Konditoriet' }), optIn(4, 'personal', '2025-07-01')],
      status: 'needs-reconfirmation', reasons: ['needs-verification', 'other-brand', 'implicit-expired'], rule: 'default/7', deciding: 4,
    },
    {
      name: 'rule 8: a record with no source does not rescue a bought list',
      events: [optIn(1, 'purchased-list', '2025-01-01'), optIn(2, 'unknown', '2025-02-01', null)],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8', deciding: 1,
    },
    {
      name: 'rule 8: several third-party sources → not permitted, the latest deciding',
      events: [optIn(1, 'purchased-list', '2025-01-01'), optIn(2, 'lead-vendor', '2025-02-01'), optIn(3, 'purchased-list', '2024-01-01')],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8', deciding: 2,
    },
    {
      name: 'notes change nothing',
      events: [optIn(1, 'web-form', '2025-01-01', 'explicit'), event(2, 'note', '2026-01-01')],
      status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5',
    },
    {
      name: 'a re-confirmation recorded as implicit is contradictory and does not count as explicit',
      events: [event(1, 'reconfirmation', '2026-01-01', { basis: 'implicit' })],
      status: 'needs-reconfirmation', reasons: ['no-evidence'], rule: 'default/7',
    },
    {
      name: 'a re-confirmation from a one-to-one e-mail reply is not verifiable consent under seed 003',
      events: [event(1, 'reconfirmation', '2026-01-01', { source: 'direct-email' })],
      status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8',
    },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });
});

describe('date edges of the two-year window (expiresAt is the first day it no longer counts)', () => {
  const bought = (date: string): LedgerEvent[] => [optIn(1, 'purchase', date)];
  const rows: Row[] = [
    { name: 'two years minus one day: still implicit (its last day)', events: bought('2024-06-15'), asOf: '2026-06-14', status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2026-06-15' },
    { name: 'exactly two years: expired that day', events: bought('2024-06-15'), asOf: '2026-06-15', status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'default/7' },
    { name: 'two years plus one day: expired', events: bought('2024-06-15'), asOf: '2026-06-16', status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'default/7' },
    { name: 'the day of the purchase itself: implicit', events: bought('2026-06-15'), asOf: '2026-06-15', status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2028-06-15' },
    { name: 'leap day 2024-02-29: window ends 2026-02-28 (the shorter reading)', events: bought('2024-02-29'), asOf: '2026-02-27', status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2026-02-28' },
    { name: 'leap day 2024-02-29: expired on 2026-02-28', events: bought('2024-02-29'), asOf: '2026-02-28', status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'default/7' },
    { name: 'leap day 2024-02-29: expired on 2026-03-01', events: bought('2024-02-29'), asOf: '2026-03-01', status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'default/7' },
    { name: '2024-02-28 ends on the same day as the leap day', events: bought('2024-02-28'), asOf: '2026-02-27', status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2026-02-28' },
    { name: 'bought on 2024-03-01: its last day is the leap-free 2026-02-28', events: bought('2024-03-01'), asOf: '2026-02-28', status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2026-03-01' },
    { name: 'a window ending in a leap year: 2026-02-28 + 2 years = 2028-02-28, not the 29th', events: [optIn(1, 'contract', '2026-02-28')], asOf: '2028-02-27', status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2028-02-28' },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });
});

describe('brand', () => {
  const explicitFor = (brand: string | null): LedgerEvent[] => [optIn(1, 'web-form', '2026-01-01', 'explicit', { brand })];
  const rows: Row[] = [
    { name: 'no brand recorded = this workspace', events: explicitFor(null), status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5' },
    { name: 'the same brand, compared trimmed and case-insensitively', events: explicitFor('  bakeriet '), status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5' },
    { name: 'another brand → needs re-confirmation', events: explicitFor('Konditoriet'), status: 'needs-reconfirmation', reasons: ['other-brand'], rule: 'default/7' },
    { name: 'a named brand when the workspace has none → someone else’s', events: explicitFor('Bakeriet'), brand: null, status: 'needs-reconfirmation', reasons: ['other-brand'], rule: 'default/7' },
    { name: 'an empty brand counts as none', events: explicitFor('  '), status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5' },
    { name: 'implicit evidence for another brand does not count either', events: [optIn(1, 'purchase', '2026-01-01', 'implicit', { brand: 'Konditoriet' })], status: 'needs-reconfirmation', reasons: ['other-brand'], rule: 'default/7' },
    { name: 'a bought list stays a bought list whatever brand it names (rule 8, not 7)', events: [optIn(1, 'purchased-list', '2026-01-01', 'explicit', { brand: 'Konditoriet' })], status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8' },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });

  it('the other-brand sentence names the brand', () => {
    expect(run({ ...rows[2]!, events: explicitFor('Konditoriet') }).sentences[0]).toContain('for the brand “Konditoriet”, not this one');
  });
});

describe('membership', () => {
  const rows: Row[] = [
    { name: 'start → active', events: [optIn(1, 'membership', '2020-01-01')], status: 'implicit', reasons: ['membership-active', 'consider-explicit'], rule: 'default/6', expiresAt: null },
    { name: 'start, end → ended', events: [optIn(1, 'membership', '2020-01-01'), event(2, 'membership-end', '2025-12-31')], status: 'needs-reconfirmation', reasons: ['membership-ended'], rule: 'default/7' },
    { name: 'start, end, re-join → active', events: [optIn(1, 'membership', '2020-01-01'), event(2, 'membership-end', '2024-12-31'), optIn(3, 'membership', '2026-01-01')], status: 'implicit', reasons: ['membership-active', 'consider-explicit'], rule: 'default/6', deciding: 3 },
    { name: 'an end dated after the as-of date has not happened yet', events: [optIn(1, 'membership', '2020-01-01'), event(2, 'membership-end', '2026-12-31')], status: 'implicit', reasons: ['membership-active', 'consider-explicit'], rule: 'default/6' },
    { name: 'explicit consent given when joining outlives the membership', events: [optIn(1, 'membership', '2020-01-01', 'explicit'), event(2, 'membership-end', '2025-12-31')], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5' },
    { name: 'ended membership, still a recent customer → implicit on the purchase', events: [optIn(1, 'membership', '2020-01-01'), event(2, 'membership-end', '2025-12-31'), optIn(3, 'purchase', '2025-06-01')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2027-06-01' },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });
});

describe('as of a date: later events are ignored', () => {
  const rows: Row[] = [
    { name: 'an opt-in after the date has not happened yet', events: [optIn(1, 'web-form', '2026-07-01', 'explicit')], status: 'needs-reconfirmation', reasons: ['no-evidence'], rule: 'default/7' },
    { name: 'a withdrawal after the date has not happened yet', events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'withdrawal', '2026-07-01')], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5' },
    { name: 'a bounce after the date has not happened yet', events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'hard-bounce', '2026-06-16')], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5' },
    { name: 'an event on the date itself counts', events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'withdrawal', '2026-06-15')], status: 'unsubscribed', reasons: ['withdrawn'], rule: 'default/3' },
    { name: 'looking back: the status on an earlier date', events: [optIn(1, 'purchase', '2020-01-01')], asOf: '2021-06-01', status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', expiresAt: '2022-01-01' },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });
});

describe('corrections: void and supersedes', () => {
  const rows: Row[] = [
    { name: 'a voided opt-in is gone', events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'void', '2026-02-01', { supersedes: 1 })], status: 'needs-reconfirmation', reasons: ['no-evidence'], rule: 'default/7' },
    { name: 'a voided withdrawal is gone (recorded by mistake)', events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'withdrawal', '2026-02-01'), event(3, 'void', '2026-02-02', { supersedes: 2 })], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5' },
    { name: 'a voided bounce is gone', events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'hard-bounce', '2026-02-01'), event(3, 'void', '2026-02-02', { supersedes: 2 })], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5' },
    { name: 'voiding the void restores the original (undoing an undo)', events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'void', '2026-02-01', { supersedes: 1 }), event(3, 'void', '2026-03-01', { supersedes: 2 })], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5', deciding: 1 },
    { name: 'a correction replaces: the purchase was in 2025, not 2022', events: [optIn(1, 'purchase', '2022-01-01'), optIn(2, 'purchase', '2025-01-01', 'implicit', { supersedes: 1 })], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'default/6', deciding: 2, expiresAt: '2027-01-01' },
    { name: 'a correction replaces: the source was a bought list, not the web form', events: [optIn(1, 'web-form', '2025-01-01', 'explicit'), optIn(2, 'purchased-list', '2025-01-01', null, { supersedes: 1 })], status: 'not-permitted', reasons: THIRD_PARTY, rule: 'default/8', deciding: 2 },
    { name: 'a correction applies whatever its own date: a void dated after the as-of date still cancels', events: [optIn(1, 'web-form', '2025-01-01', 'explicit'), event(2, 'void', '2027-01-01', { supersedes: 1 })], status: 'needs-reconfirmation', reasons: ['no-evidence'], rule: 'default/7' },
    { name: 'a replacement dated after the as-of date removes the old event and is not in force yet', events: [optIn(1, 'web-form', '2025-01-01', 'explicit'), optIn(2, 'web-form', '2026-09-01', 'explicit', { supersedes: 1 })], status: 'needs-reconfirmation', reasons: ['no-evidence'], rule: 'default/7' },
    { name: 'a link to a later id is malformed and ignored', events: [optIn(1, 'web-form', '2025-01-01', 'explicit', { supersedes: 2 }), optIn(2, 'purchase', '2025-02-01')], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'default/5', deciding: 1 },
  ];
  it.each(rows)('$name', (row) => {
    check(row);
  });
});

describe('profile: CASL (Canada)', () => {
  const rows: Row[] = [
    { name: 'express consent never expires', events: [optIn(1, 'web-form', '2010-01-01', 'explicit')], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'casl/5' },
    { name: 'implied from a purchase: two years', events: [optIn(1, 'purchase', '2024-06-16')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'casl/6', expiresAt: '2026-06-16' },
    { name: 'implied from a purchase: expired at two years', events: [optIn(1, 'purchase', '2024-06-15')], status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'casl/7' },
    { name: 'implied from a contract: two years', events: [optIn(1, 'contract', '2025-01-01')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'casl/6', expiresAt: '2027-01-01' },
    { name: 'implied from a donation: two years', events: [optIn(1, 'donation', '2025-01-01')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'casl/6', expiresAt: '2027-01-01' },
    { name: 'implied from volunteering: two years', events: [optIn(1, 'volunteer', '2023-01-01')], status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'casl/7' },
    { name: 'implied from membership: two years from the latest membership event', events: [optIn(1, 'membership', '2025-01-01')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'casl/6', expiresAt: '2027-01-01' },
    { name: 'implied from membership: an old membership has expired even if never ended', events: [optIn(1, 'membership', '2024-01-01')], status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'casl/7' },
    { name: 'implied from membership: ends with the membership', events: [optIn(1, 'membership', '2025-01-01'), event(2, 'membership-end', '2025-06-01')], status: 'needs-reconfirmation', reasons: ['membership-ended'], rule: 'casl/7' },
    { name: 'an inquiry (they e-mailed you): six months', events: [optIn(1, 'direct-email', '2026-01-01')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'casl/6', expiresAt: '2026-07-01' },
    { name: 'an inquiry: expired after six months', events: [optIn(1, 'direct-email', '2025-12-15')], status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'casl/7' },
    { name: 'an inquiry: six months from 2025-12-31 ends 2026-06-30 (month-end clamp)', events: [optIn(1, 'direct-email', '2025-12-31')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'casl/6', expiresAt: '2026-06-30' },
    { name: 'an inquiry marked "explicit" is still only an inquiry', events: [optIn(1, 'direct-email', '2026-01-01', 'explicit')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'casl/6', expiresAt: '2026-07-01' },
    { name: 'a web form without an express tick is an inquiry: six months', events: [optIn(1, 'web-form', '2026-01-01')], status: 'implicit', reasons: IMPLICIT_WINDOW, rule: 'casl/6', expiresAt: '2026-07-01' },
    { name: 'a web form without an express tick, older than six months', events: [optIn(1, 'web-form', '2025-01-01')], status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'casl/7' },
    { name: 'a business card: role-relevant messages only, not marketing', events: [optIn(1, 'business-card', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['casl-business-card'], rule: 'casl/7' },
    { name: 'a business card with express consent written on it', events: [optIn(1, 'business-card', '2026-01-01', 'explicit')], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'casl/5' },
    { name: 'a bought list', events: [optIn(1, 'purchased-list', '2026-01-01', 'explicit')], status: 'not-permitted', reasons: THIRD_PARTY, rule: 'casl/8' },
    { name: 'met in person', events: [optIn(1, 'met-in-person', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['needs-verification'], rule: 'casl/7' },
    { name: 'a role address', email: 'info@firma.ca', events: [optIn(1, 'web-form', '2026-01-01', 'explicit')], status: 'not-permitted', reasons: ['role-address', 'one-to-one-only'], rule: 'casl/4' },
    { name: 'no evidence', events: [], status: 'needs-reconfirmation', reasons: ['no-evidence'], rule: 'casl/7' },
    { name: 'an unsubscribe', events: [optIn(1, 'web-form', '2026-01-01', 'explicit'), event(2, 'withdrawal', '2026-02-01')], status: 'unsubscribed', reasons: ['withdrawn'], rule: 'casl/3' },
  ];
  it.each(rows)('$name', (row) => {
    check(row, 'casl');
  });

  it('the business-card sentence cites s. 10(9)(b)', () => {
    expect(run(rows[15]!, 'casl').sentences[0]).toMatch(/^Rule 7 \(CASL s\. 10\(9\)\(b\)/);
  });
});

describe('profile: EU/EEA soft opt-in (markedsføringsloven § 15)', () => {
  const rows: Row[] = [
    { name: 'explicit opt-in on the web form', events: [optIn(1, 'web-form', '2020-01-01', 'explicit')], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'eu-soft-opt-in/5' },
    { name: 'existing customer (soft opt-in): two years, similar products only', events: [optIn(1, 'purchase', '2025-01-01')], status: 'implicit', reasons: ['implicit-relationship', 'similar-products-only', 'consider-explicit'], rule: 'eu-soft-opt-in/6', expiresAt: '2027-01-01' },
    { name: 'existing customer: expired after two years', events: [optIn(1, 'purchase', '2024-06-15')], status: 'needs-reconfirmation', reasons: ['implicit-expired'], rule: 'eu-soft-opt-in/7' },
    { name: 'web form without explicit consent → explicit required', events: [optIn(1, 'web-form', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'newsletter sign-up without explicit consent → explicit required', events: [optIn(1, 'newsletter-signup', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'a contract is not a sale under § 15 (2) here → explicit required', events: [optIn(1, 'contract', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'donation → explicit required', events: [optIn(1, 'donation', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'volunteering → explicit required', events: [optIn(1, 'volunteer', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'active membership → explicit required', events: [optIn(1, 'membership', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'membership with explicit consent → explicit', events: [optIn(1, 'membership', '2026-01-01', 'explicit')], status: 'explicit', reasons: ['explicit-opt-in'], rule: 'eu-soft-opt-in/5' },
    { name: 'ad conversion → explicit required', events: [optIn(1, 'ad-conversion', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'booth → explicit required', events: [optIn(1, 'event-booth', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'business card → explicit required', events: [optIn(1, 'business-card', '2026-01-01')], status: 'needs-reconfirmation', reasons: ['explicit-required'], rule: 'eu-soft-opt-in/7' },
    { name: 'a customer of another brand is not your customer', events: [optIn(1, 'purchase', '2026-01-01', 'implicit', { brand: 'Konditoriet' })], status: 'needs-reconfirmation', reasons: ['other-brand'], rule: 'eu-soft-opt-in/7' },
    { name: 'they e-mailed you → not permitted', events: [optIn(1, 'direct-email', '2026-01-01')], status: 'not-permitted', reasons: THIRD_PARTY, rule: 'eu-soft-opt-in/8' },
    { name: 'withdrawal, then a purchase → still unsubscribed (soft opt-in never overrides a no)', events: [event(1, 'withdrawal', '2025-01-01'), optIn(2, 'purchase', '2026-01-01')], status: 'unsubscribed', reasons: ['withdrawn'], rule: 'eu-soft-opt-in/3' },
    { name: 'post@firma.no is outside § 15 but still not permitted (the safer reading)', email: 'post@firma.no', events: [optIn(1, 'purchase', '2026-01-01')], status: 'not-permitted', reasons: ['role-address', 'one-to-one-only'], rule: 'eu-soft-opt-in/4' },
  ];
  it.each(rows)('$name', (row) => {
    check(row, 'eu-soft-opt-in');
  });

  it('the role sentence says § 15 does not cover company mailboxes and why Tillit keeps them out', () => {
    expect(run(rows[16]!, 'eu-soft-opt-in').sentences[0]).toMatch(/§ 15 protects people, not generic company mailboxes/);
  });

  it('the soft opt-in advice names similar products and the opt-out', () => {
    expect(run(rows[1]!, 'eu-soft-opt-in').sentences[1]).toMatch(/similar to what they bought, and offer a free, simple opt-out in every message/);
  });
});

describe('explainStatus', () => {
  const explain = (row: Omit<Row, 'status' | 'reasons' | 'rule'>, policy: PolicyId = 'default'): string =>
    explainStatus(run({ ...row, status: 'explicit', reasons: [], rule: '' }, policy));

  it.each([
    ['explicit', { name: '', events: [optIn(1, 'web-form', '2026-01-01', 'explicit')] }, /^You may mail this person: they gave explicit consent/],
    ['implicit with a window', { name: '', events: [optIn(1, 'purchase', '2025-03-01')] }, /^You may mail this person on implicit consent up to and including 2027-02-28\. Rule 6/],
    ['implicit, no fixed end', { name: '', events: [optIn(1, 'web-form', '2026-01-01')] }, /^You may mail this person on implicit consent, with no fixed end date\./],
    ['needs re-confirmation', { name: '', events: [] }, /^You cannot mail this person yet: there is no valid consent on record for them\. Rule 7 .* What to do: ask them, one-to-one/],
    ['not permitted, third party', { name: '', events: [optIn(1, 'purchased-list', '2026-01-01')] }, /^You cannot mail this person: the address came from a third party, and consent does not transfer\. Rule 8 .*one-to-one/],
    ['not permitted, role address', { name: '', email: 'post@firma.no', events: [] }, /^You cannot send marketing e-mail to this address: it is a shared mailbox/],
    ['unsubscribed', { name: '', events: [event(1, 'withdrawal', '2026-01-01')] }, /^You cannot mail this person: they unsubscribed\. Rule 3 .* only a new explicit opt-in from them changes this\.$/],
    ['complaint', { name: '', events: [event(1, 'complaint', '2026-01-01')] }, /^You cannot mail this person: they marked your e-mail as spam\./],
    ['bounced', { name: '', events: [event(1, 'hard-bounce', '2026-01-01')] }, /^You cannot mail this address: mail to it bounced hard/],
    ['invalid', { name: '', email: 'ola@@firma.no', events: [] }, /^You cannot mail this address: it is not a valid e-mail address\. Rule 1 \(only a valid address can be mailed\): “ola@@firma\.no” has two @ signs\. What to do/],
  ] as const)('%s', (_label, row, expected) => {
    expect(explain(row)).toMatch(expected);
  });
});
