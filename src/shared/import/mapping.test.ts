import { describe, expect, it } from 'vitest';
import { applyMapping, CARD_FIELDS, FIELD_KEYS, headerSignature, suggestMapping, type ColumnMapping, type FieldKey, type MappedRow } from './mapping.ts';
import { splitAddresses, splitFullName, splitTags } from './values.ts';

/** The non-ignored fields of a suggestion, by header. */
function mapped(headers: string[]): { layout: string | null; fields: Record<string, FieldKey> } {
  const { layout, fields } = suggestMapping(headers);
  return { layout, fields: Object.fromEntries(headers.flatMap((h, i) => (fields[i] === 'ignore' ? [] : [[h, fields[i]!]]))) };
}

describe('suggestMapping: known exports', () => {
  it('Google Contacts (current): first address column is the address, numbered ones other addresses', () => {
    const headers = ['First Name', 'Middle Name', 'Last Name', 'Nickname', 'Organization Name', 'Organization Title', 'Organization Department', 'Birthday', 'Notes', 'Labels', 'E-mail 1 - Label', 'E-mail 1 - Value', 'E-mail 2 - Label', 'E-mail 2 - Value', 'E-mail 3 - Value', 'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Value', 'Address 1 - Formatted', 'Address 1 - City', 'Address 1 - Country'];
    expect(mapped(headers)).toEqual({
      layout: 'google-contacts',
      fields: {
        'First Name': 'firstName', 'Last Name': 'lastName', 'Organization Name': 'company', 'Organization Title': 'title', Notes: 'note', Labels: 'tags',
        'E-mail 1 - Value': 'email', 'E-mail 2 - Value': 'otherEmails', 'E-mail 3 - Value': 'otherEmails', 'Phone 1 - Value': 'phone', 'Phone 2 - Value': 'phone',
        'Address 1 - City': 'city', 'Address 1 - Country': 'country',
      },
    });
  });

  it('Google Contacts (legacy)', () => {
    const headers = ['Name', 'Given Name', 'Additional Name', 'Family Name', 'Notes', 'Group Membership', 'E-mail 1 - Type', 'E-mail 1 - Value', 'E-mail 2 - Type', 'E-mail 2 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Organization 1 - Type', 'Organization 1 - Name', 'Organization 1 - Title', 'Organization 1 - Department'];
    expect(mapped(headers)).toEqual({
      layout: 'google-contacts-legacy',
      fields: {
        Name: 'fullName', 'Given Name': 'firstName', 'Family Name': 'lastName', Notes: 'note', 'Group Membership': 'tags', 'E-mail 1 - Value': 'email', 'E-mail 2 - Value': 'otherEmails',
        'Phone 1 - Value': 'phone', 'Organization 1 - Name': 'company', 'Organization 1 - Title': 'title',
      },
    });
  });

  it('Outlook: "Title" is Mr./Ms. and ignored; "Job Title" is the title', () => {
    const headers = ['First Name', 'Middle Name', 'Last Name', 'Title', 'Suffix', 'Company', 'Department', 'Job Title', 'Business City', 'Business Country/Region', 'Mobile Phone', 'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'E-mail 2 Address', 'E-mail 3 Address', 'Categories', 'Notes', 'Web Page'];
    expect(mapped(headers)).toEqual({
      layout: 'outlook',
      fields: {
        'First Name': 'firstName', 'Last Name': 'lastName', Company: 'company', 'Job Title': 'title', 'Business City': 'city', 'Business Country/Region': 'country',
        'Mobile Phone': 'phone', 'E-mail Address': 'email', 'E-mail 2 Address': 'otherEmails', 'E-mail 3 Address': 'otherEmails', Categories: 'tags', Notes: 'note',
      },
    });
  });

  it('LinkedIn Connections', () => {
    expect(mapped(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'])).toEqual({
      layout: 'linkedin',
      fields: { 'First Name': 'firstName', 'Last Name': 'lastName', 'Email Address': 'email', Company: 'company', Position: 'title', 'Connected On': 'collectedAt' },
    });
  });

  it('Mailchimp, with a custom merge field mapped by synonym', () => {
    const headers = ['Email Address', 'First Name', 'Last Name', 'Address', 'Phone Number', 'MEMBER_RATING', 'OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP', 'LAST_CHANGED', 'UNSUB_TIME', 'UNSUB_REASON', 'LEID', 'EUID', 'NOTES', 'TAGS', 'Firma'];
    expect(mapped(headers)).toEqual({
      layout: 'mailchimp',
      fields: {
        'Email Address': 'email', 'First Name': 'firstName', 'Last Name': 'lastName', 'Phone Number': 'phone', OPTIN_TIME: 'optInTime', CONFIRM_TIME: 'confirmTime',
        UNSUB_TIME: 'listStatus', NOTES: 'note', TAGS: 'tags', Firma: 'company',
      },
    });
  });

  it('HubSpot', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'City', 'Country/Region', 'Marketing contact status', 'Lifecycle Stage', 'Create Date', 'Unsubscribed from all email'];
    expect(mapped(headers)).toEqual({
      layout: 'hubspot',
      fields: {
        'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Phone Number': 'phone', 'Company Name': 'company', 'Job Title': 'title', City: 'city',
        'Country/Region': 'country', 'Create Date': 'collectedAt', 'Unsubscribed from all email': 'listStatus',
      },
    });
  });

  it('Eventbrite: the attendee, not the buyer', () => {
    const headers = ['Order #', 'Order Date', 'First Name', 'Last Name', 'Email', 'Quantity', 'Ticket Type', 'Attendee #', 'Buyer Last Name', 'Buyer First Name', 'Buyer Email', 'Job Title', 'Company'];
    expect(mapped(headers)).toEqual({
      layout: 'eventbrite',
      fields: { 'Order Date': 'collectedAt', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Job Title': 'title', Company: 'company' },
    });
  });

  it('listmonk', () => {
    expect(mapped(['uuid', 'email', 'name', 'attributes', 'status', 'created_at', 'updated_at'])).toEqual({
      layout: 'listmonk',
      fields: { email: 'email', name: 'fullName', status: 'listStatus', created_at: 'collectedAt' },
    });
  });

  it('vCard and MECARD records (the readers’ canonical columns)', () => {
    expect(suggestMapping([...CARD_FIELDS], 'vcard')).toEqual({ layout: 'vcard', fields: [...CARD_FIELDS] });
    expect(suggestMapping([...CARD_FIELDS], 'mecard')).toEqual({ layout: 'mecard', fields: [...CARD_FIELDS] });
    expect(suggestMapping([...CARD_FIELDS]).layout).toBe('vcard');
  });
});

describe('suggestMapping: other files', () => {
  it('Norwegian headers, in any case, spacing and punctuation', () => {
    const headers = ['E-POST', 'Fornavn', 'etternavn', 'Navn', 'Bedrift', 'Tittel', 'Mobil', 'Poststed', 'Land', 'Kilde', 'Samtykke', 'Dato', 'Notat', 'Postnummer'];
    expect(suggestMapping(headers)).toEqual({
      layout: null,
      fields: ['email', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'source', 'consent', 'collectedAt', 'note', 'ignore'],
    });
  });

  it.each([
    ['Epost', 'email'], ['E-postadresse', 'email'], ['e-mail address', 'email'], ['Firma', 'company'], ['Stilling', 'title'], ['Telefon', 'phone'],
    ['Sted', 'city'], ['By', 'city'], ['Fullt navn', 'fullName'], ['Kommentar', 'note'], ['Samtykkedato', 'collectedAt'],
    // Sign-up dates are the collection date, in both languages (issue 11).
    ['Påmeldt', 'collectedAt'], ['PÅMELDT', 'collectedAt'], ['Registrert', 'collectedAt'], ['Signed up', 'collectedAt'], ['Signed-up on', 'collectedAt'],
    ['Registration date', 'collectedAt'],
    // Words inside longer headers, for files of no known layout:
    ['Kundens e-post', 'email'], ['E-post (jobb)', 'email'], ['Samtykke til nyhetsbrev', 'consent'], ['Dato for samtykke', 'collectedAt'],
    ['Mobilnummer privat', 'phone'], ['Kontaktpersonens fornavn', 'firstName'], ['Kundenavn', 'fullName'], ['Firmanavn', 'company'],
    ['Email domain', 'ignore'], ['E-post status', 'ignore'], ['Organisasjonsnummer', 'ignore'], ['Postnr', 'ignore'], ['constructor', 'ignore'], ['__proto__', 'ignore'],
  ] as const)('%s → %s', (header, field) => {
    expect(suggestMapping([header]).fields).toEqual([field]);
  });

  it('only one column is the address; later ones are other addresses', () => {
    expect(suggestMapping(['Navn', 'E-post', 'E-post 2', 'Epost privat']).fields).toEqual(['fullName', 'email', 'otherEmails', 'otherEmails']);
  });

  it.each([
    ['a column of addresses under a name Tillit does not know', ['Navn', 'Kontakt'], [['Ola', 'ola@x.no'], ['Kari', 'kari@y.no'], ['Per', '']], ['fullName', 'email']],
    ['the column with the most addresses', ['A', 'B'], [['a@x.no', 'b@x.no'], ['', 'c@x.no'], ['d', 'e@x.no']], ['ignore', 'email']],
    ['not when addresses are fewer than half the cells', ['Navn', 'Kontakt'], [['Ola', 'ola@x.no'], ['Kari', 'ring 22 33 44 55'], ['Per', 'kontor']], ['fullName', 'ignore']],
    ['not a "Name <address>" cell (the user maps it; the row reader extracts it)', ['Navn', 'Kontakt'], [['Ola', 'Ola <ola@x.no>']], ['fullName', 'ignore']],
    ['not over a column a header named', ['E-post', 'Notat'], [['ola@x.no', 'kari@y.no']], ['email', 'note']],
    ['not over a named field even without an e-mail header', ['Navn', 'Notat'], [['Ola', 'ola@x.no']], ['fullName', 'note']],
    ['nothing without sample rows', ['Navn', 'Kontakt'], [], ['fullName', 'ignore']],
  ] as const)('finds the e-mail column by its cells: %s', (_what, headers, samples, fields) => {
    expect(suggestMapping([...headers], 'csv', samples.map((row) => [...row])).fields).toEqual(fields);
  });

  it('gives one field per header, always a known field', () => {
    const headers = ['x', '', 'E-post', '  ', '???', '123'];
    const { fields } = suggestMapping(headers);
    expect(fields).toHaveLength(headers.length);
    expect(fields.every((f) => (FIELD_KEYS as readonly string[]).includes(f))).toBe(true);
  });
});

describe('headerSignature', () => {
  it('is the same for the same headers however spaced or cased, and different otherwise', () => {
    expect(headerSignature(['E-post', ' Fornavn ', 'Etter  navn'])).toBe(headerSignature(['e-post', 'FORNAVN', 'etter navn']));
    expect(headerSignature(['Email'])).not.toBe(headerSignature(['E-mail']));
    expect(headerSignature(['a|b'])).not.toBe(headerSignature(['a', 'b']));
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
    expect(headerSignature(['Ø'.normalize('NFD')])).toBe(headerSignature(['Ø']));
  });
});

describe('applyMapping', () => {
  function row(fields: Record<string, FieldKey>, values: Record<string, string>, layout: string | null = null): MappedRow {
    const headers = Object.keys(fields);
    const mapping: ColumnMapping = { layout, fields: headers.map((h) => fields[h]!) };
    return applyMapping(headers, headers.map((h) => values[h] ?? ''), mapping);
  }

  it('trims, takes the first non-empty of repeated fields, ignores ignored columns', () => {
    const r = row({ A: 'email', B: 'phone', C: 'phone', D: 'ignore', E: 'company' }, { A: '  ola@x.no ', B: '', C: ' 12345 ', D: 'secret', E: '\tBakeriet\n' });
    expect(r).toMatchObject({ email: 'ola@x.no', phone: '12345', company: 'Bakeriet', note: '' });
  });

  it.each([
    ['Nordmann, Ola', 'Ola', 'Nordmann'],
    ['Ola Nordmann', 'Ola', 'Nordmann'],
    ['Ola Jakob  Nordmann', 'Ola Jakob', 'Nordmann'],
    ['Jan van der Berg', 'Jan', 'van der Berg'],
    ['Ola', 'Ola', ''],
    ['ola@x.no', '', ''],
  ])('splits the full name %s', (full, first, last) => {
    expect(row({ N: 'fullName' }, { N: full })).toMatchObject({ firstName: first, lastName: last });
  });

  it('keeps first and last names that are there; the full name only fills both when both are empty', () => {
    expect(row({ N: 'fullName', F: 'firstName' }, { N: 'Ola Nordmann', F: 'Kari' })).toMatchObject({ firstName: 'Kari', lastName: '' });
  });

  it('splits cells holding several addresses; other addresses are deduplicated and never the address', () => {
    const r = row({ E: 'email', O: 'otherEmails', P: 'otherEmails' }, { E: 'ola@x.no ::: ola.n@x.no', O: 'OLA@x.no; kari@x.no', P: 'kari@x.no' });
    expect([r.email, r.otherEmails]).toEqual(['ola@x.no', 'ola.n@x.no; kari@x.no']);
    expect(row({ E: 'email' }, { E: 'Nordmann, Ola <ola@x.no>' }).email).toBe('Nordmann, Ola <ola@x.no>');
  });

  it('reads tags: Google labels without system ones, Mailchimp quotes, semicolons', () => {
    expect(row({ T: 'tags', U: 'tags' }, { T: '* myContacts ::: * starred ::: Kunder ::: VIP', U: '"VIP","Messe 2024";Oslo' }).tags).toEqual(['Kunder', 'VIP', 'Messe 2024', 'Oslo']);
  });

  const consentCases: [string, Record<string, FieldKey>, Record<string, string>, string | null, Partial<MappedRow['consent']>][] = [
    ['yes words', { S: 'consent' }, { S: 'Ja' }, null, { consent: true }],
    ['✓', { S: 'consent' }, { S: '✓' }, null, { consent: true }],
    ['x', { S: 'consent' }, { S: 'X' }, null, { consent: true }],
    ['1', { S: 'consent' }, { S: '1' }, null, { consent: true }],
    ['TRUE (Excel)', { S: 'consent' }, { S: 'TRUE' }, null, { consent: true }],
    ['nei', { S: 'consent' }, { S: 'nei' }, null, { consent: false }],
    ['0', { S: 'consent' }, { S: '0' }, null, { consent: false }],
    ['unknown flag', { Samtykke: 'consent' }, { Samtykke: 'kanskje' }, null, { consent: null, problems: [{ column: 'Samtykke', message: '“kanskje” is not a yes or a no', code: 'flag-unknown', params: { value: 'kanskje' } }] }],
    ['basis', { B: 'basis' }, { B: 'Eksplisitt' }, null, { basis: 'explicit' }],
    ['implied basis', { B: 'basis' }, { B: 'soft opt-in' }, null, { basis: 'implicit' }],
    ['unknown basis', { B: 'basis' }, { B: 'sterk' }, null, { basis: null, problems: [{ column: 'B', message: '“sterk” is neither explicit nor implicit consent', code: 'basis-unknown', params: { value: 'sterk' } }] }],
    ['source words', { Kilde: 'source' }, { Kilde: 'Messe' }, null, { source: 'event-booth' }],
    ['unknown source', { Kilde: 'source' }, { Kilde: 'fax' }, null, { source: null, problems: [{ column: 'Kilde', message: '“fax” is not a source Tillit knows; choose one from the list', code: 'source-unknown', params: { value: 'fax' } }] }],
    ['Norwegian date', { Dato: 'collectedAt' }, { Dato: '05.03.2024' }, null, { collectedAt: '2024-03-05' }],
    ['Excel serial date', { Dato: 'collectedAt' }, { Dato: '45356' }, null, { collectedAt: '2024-03-05' }],
    ['ambiguous date', { Dato: 'collectedAt' }, { Dato: '3/5/2024' }, null, { collectedAt: null, problems: [{ column: 'Dato', message: '“3/5/2024” can be read as day/month or month/day; write it as YYYY-MM-DD (or 05.03.2024 for 5 March)', code: 'date-ambiguous', params: { value: '3/5/2024' } }] }],
    ['US date in a US export', { 'Create Date': 'collectedAt' }, { 'Create Date': '3/5/2024' }, 'hubspot', { collectedAt: '2024-03-05' }],
    ['Mailchimp times', { OPTIN_TIME: 'optInTime', CONFIRM_TIME: 'confirmTime' }, { OPTIN_TIME: '2024-03-05 10:11:12', CONFIRM_TIME: '2024-03-06 00:00:01' }, 'mailchimp', { optInTime: '2024-03-05', confirmTime: '2024-03-06', listStatus: 'subscribed' }],
    ['Mailchimp unsubscribed export', { UNSUB_TIME: 'listStatus' }, { UNSUB_TIME: '2024-02-10 14:00:00' }, 'mailchimp', { listStatus: 'unsubscribed', listStatusTime: '2024-02-10' }],
    ['Mailchimp cleaned time', { CLEAN_TIME: 'listStatus' }, { CLEAN_TIME: '2023-11-11 11:11:11' }, 'mailchimp', { listStatus: 'cleaned', listStatusTime: '2023-11-11' }],
    ['Mailchimp unreadable unsubscribe time', { UNSUB_TIME: 'listStatus' }, { UNSUB_TIME: 'last week' }, 'mailchimp', { listStatus: 'unsubscribed', problems: [{ column: 'UNSUB_TIME', message: expect.stringContaining('last week'), code: 'date-unknown', params: { value: 'last week' } }] }],
    ['Mailchimp cleaned export, even if the column is not mapped', { CLEAN_TIME: 'ignore' }, { CLEAN_TIME: '' }, 'mailchimp', { listStatus: 'cleaned' }],
    ['listmonk blocklisted', { status: 'listStatus' }, { status: 'blocklisted' }, 'listmonk', { listStatus: 'unsubscribed' }],
    ['listmonk disabled is not an unsubscribe', { status: 'listStatus' }, { status: 'disabled' }, 'listmonk', { listStatus: null, problems: [{ column: 'status', message: '“disabled” (switched off by the list owner) is not an unsubscribe; no list status is recorded', code: 'status-disabled', params: {} }] }],
    ['status words', { Status: 'listStatus' }, { Status: 'Avmeldt' }, null, { listStatus: 'unsubscribed' }],
    ['HubSpot unsubscribed flag', { 'Unsubscribed from all email': 'listStatus' }, { 'Unsubscribed from all email': 'true' }, 'hubspot', { listStatus: 'unsubscribed' }],
    ['HubSpot not unsubscribed', { 'Unsubscribed from all email': 'listStatus' }, { 'Unsubscribed from all email': 'false' }, 'hubspot', { listStatus: null }],
    ['HubSpot unreadable unsubscribed flag', { 'Unsubscribed from all email': 'listStatus' }, { 'Unsubscribed from all email': 'maybe' }, 'hubspot', { problems: [{ column: 'Unsubscribed from all email', message: '“maybe” is not a yes or a no', code: 'flag-unknown', params: { value: 'maybe' } }] }],
    ['impossible date', { Påmeldt: 'collectedAt' }, { Påmeldt: '31.02.2024' }, null, { problems: [{ column: 'Påmeldt', message: '“31.02.2024” is not a real calendar date', code: 'date-not-real', params: { value: '31.02.2024' } }] }],
    ['negated source', { Kilde: 'source' }, { Kilde: 'ikke kjøpt' }, null, { problems: [{ column: 'Kilde', message: '“ikke kjøpt” is not a source Tillit can be sure of; choose one from the list', code: 'source-unsure', params: { value: 'ikke kjøpt' } }] }],
    ['two sources', { Kilde: 'source' }, { Kilde: 'nyhetsbrev via nettside' }, null, { problems: [{ column: 'Kilde', message: '“nyhetsbrev via nettside” could be several sources (web-form, newsletter-signup); choose one', code: 'source-ambiguous', params: { value: 'nyhetsbrev via nettside', sources: 'web-form, newsletter-signup' } }] }],
    ['unknown status', { Status: 'listStatus' }, { Status: 'gold' }, null, { problems: [{ column: 'Status', message: '“gold” is not a list status Tillit knows (subscribed, unsubscribed, cleaned or pending)', code: 'status-unknown', params: { value: 'gold' } }] }],
  ];
  it.each(consentCases)('consent: %s', (_name, fields, values, layout, expected) => {
    const consent = row(fields, values, layout).consent;
    expect(consent).toEqual({ source: null, collectedAt: null, basis: null, consent: null, optInTime: null, confirmTime: null, listStatus: null, listStatusTime: null, problems: [], ...expected });
  });

  it('names a nameless column by its number in problems', () => {
    expect(applyMapping(['', 'E'], ['maybe', 'a@x.no'], { layout: null, fields: ['consent', 'email'] }).consent.problems).toEqual([{ column: 'Column 1', message: '“maybe” is not a yes or a no', code: 'flag-unknown', params: { value: 'maybe' } }]);
  });
});

describe('cell helpers', () => {
  it('splitFullName, splitTags, splitAddresses', () => {
    expect(splitFullName('  Hansen ,  Kari ')).toEqual({ firstName: 'Kari', lastName: 'Hansen' });
    expect(splitTags(' a, b ;a ::: c ')).toEqual(['a', 'b', 'c']);
    expect(splitAddresses('a@x.no b@x.no')).toEqual(['a@x.no', 'b@x.no']);
    expect(splitAddresses('Ola <a@x.no>, Kari <b@x.no>')).toEqual(['Ola <a@x.no>', 'Kari <b@x.no>']);
  });
});
