// Every fixture in test/fixtures/import: sniffed (format, encoding, delimiter, preamble,
// layout) and read to exactly the expected records; broken ones to the expected error.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMapping, suggestMapping } from '../../../shared/import/mapping.ts';
import { ImportFileError, readRecords, type RawRecord, type SniffOverrides, type SniffResult } from './index.ts';
import { failure, readFile } from './test-helpers.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../../test/fixtures/import');
const fixture = (name: string): string => path.join(fixtures, name);

function readAll(name: string, overrides?: SniffOverrides): Promise<{ sniff: SniffResult; records: RawRecord[] }> {
  return readFile(fixture(name), overrides);
}


async function readFailure(name: string, overrides?: SniffOverrides): Promise<ImportFileError> {
  return failure(() => readAll(name, overrides));
}

/** A full row from the cells named; every other cell must be empty. */
function cells(headers: string[], named: Record<string, string>): string[] {
  for (const key of Object.keys(named)) expect(headers).toContain(key);
  return headers.map((h) => named[h] ?? '');
}

const CARD = ['email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags', 'note'];
function card(named: Partial<Record<(typeof CARD)[number], string>>): string[] {
  return CARD.map((h) => named[h] ?? '');
}

describe('CSV exports', () => {
  it('Google Contacts (current): multi-line quoted cells, line numbers counting them', async () => {
    const { sniff, records } = await readAll('google-contacts.csv');
    expect(sniff).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', preambleLines: 0, sheets: [], sheet: null });
    expect(sniff.headers).toHaveLength(34);
    expect(suggestMapping(sniff.headers, sniff.format).layout).toBe('google-contacts');
    const h = sniff.headers;
    // Rows as a spreadsheet shows them: the first contact's multi-line cells are one row.
    expect(records.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(records.map((r) => r.values)).toEqual([
      cells(h, {
        'First Name': 'Ola', 'Last Name': 'Nordmann', 'Organization Name': 'Bakeriet AS', 'Organization Title': 'Daglig leder', Notes: 'Møtt på messen.\nVil ha tilbud.',
        Labels: '* myContacts ::: Kunder', 'E-mail 1 - Label': '* Work', 'E-mail 1 - Value': 'ola@bakeri.no ::: ola.nordmann@bakeri.no', 'E-mail 2 - Label': 'Home',
        'E-mail 2 - Value': 'ola@gmail.com', 'Phone 1 - Label': 'Mobile', 'Phone 1 - Value': '+47 912 34 567', 'Address 1 - Label': 'Work',
        'Address 1 - Formatted': 'Storgata 1\n0150 Oslo\nNorge', 'Address 1 - Street': 'Storgata 1', 'Address 1 - City': 'Oslo', 'Address 1 - Postal Code': '0150', 'Address 1 - Country': 'Norge',
      }),
      cells(h, { 'First Name': 'Kari', 'Last Name': 'Hansen', Birthday: '1980-05-17', Labels: '* myContacts', 'E-mail 1 - Label': 'Home', 'E-mail 1 - Value': 'kari.hansen@example.no' }),
      cells(h, {
        'First Name': 'Bjørn', 'Last Name': 'Æsøy', 'Organization Name': 'Æsøy Regnskap', 'Organization Title': 'Rådgiver', Labels: '* myContacts ::: * starred ::: Leverandører',
        'E-mail 1 - Label': 'Work', 'E-mail 1 - Value': 'bjorn@aesoy.no', 'Phone 1 - Label': 'Work', 'Phone 1 - Value': '22 33 44 55', 'Address 1 - City': 'Tromsø',
      }),
    ]);
    expect(records[0]!.raw).toBe(
      'Ola,,Nordmann,,,,,,,,Bakeriet AS,Daglig leder,,,"Møtt på messen.\nVil ha tilbud.",,* myContacts ::: Kunder,* Work,ola@bakeri.no ::: ola.nordmann@bakeri.no,Home,ola@gmail.com,Mobile,+47 912 34 567,Work,"Storgata 1\n0150 Oslo\nNorge",Storgata 1,Oslo,,,0150,Norge,,,',
    );
    expect(records.every((r) => r.error === undefined)).toBe(true);
  });

  it('Google Contacts (legacy Google CSV)', async () => {
    const { sniff, records } = await readAll('google-contacts-legacy.csv');
    expect(sniff).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', preambleLines: 0 });
    expect(suggestMapping(sniff.headers).layout).toBe('google-contacts-legacy');
    const h = sniff.headers;
    expect(records).toEqual([
      {
        rowNumber: 2,
        values: cells(h, {
          Name: 'Ola Nordmann', 'Given Name': 'Ola', 'Family Name': 'Nordmann', 'Group Membership': '* My Contacts ::: Kunder', 'E-mail 1 - Type': '* Work', 'E-mail 1 - Value': 'ola@bakeri.no',
          'E-mail 2 - Type': 'Home', 'E-mail 2 - Value': 'ola@gmail.com', 'Phone 1 - Type': 'Mobile', 'Phone 1 - Value': '+47 912 34 567', 'Organization 1 - Name': 'Bakeriet AS', 'Organization 1 - Title': 'Daglig leder',
        }),
        raw: 'Ola Nordmann,Ola,,Nordmann,,,,,,,,,,,,,,,,,,,,,,,,,* My Contacts ::: Kunder,* Work,ola@bakeri.no,Home,ola@gmail.com,Mobile,+47 912 34 567,,Bakeriet AS,,Daglig leder,,,,',
      },
      {
        rowNumber: 3,
        values: cells(h, { Name: 'Hansen, Kari', 'Group Membership': '* My Contacts', 'E-mail 1 - Type': '* ', 'E-mail 1 - Value': 'kari.hansen@example.no' }),
        raw: '"Hansen, Kari",,,,,,,,,,,,,,,,,,,,,,,,,,,,* My Contacts,* ,kari.hansen@example.no,,,,,,,,,,,,',
      },
    ]);
  });

  it('Outlook, windows-1252 with CRLF: Ødegård, Æsøy, € – “ ” decoded', async () => {
    const { sniff, records } = await readAll('outlook.csv');
    expect(sniff).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ',', preambleLines: 0 });
    expect(sniff.headers).toHaveLength(92);
    expect(suggestMapping(sniff.headers).layout).toBe('outlook');
    const h = sniff.headers;
    const fixed = { Priority: 'Normal', Private: 'False', Sensitivity: 'Normal', Birthday: '0/0/00' };
    expect(records.map((r) => [r.rowNumber, r.values])).toEqual([
      [2, cells(h, {
        ...fixed, Title: 'Fru', 'First Name': 'Åse', 'Last Name': 'Ødegård', Company: 'Ødegård Bakeri AS', 'Job Title': 'Baker', 'Business City': 'Bærum', 'Business Country/Region': 'Norge',
        'Business Phone': '67 11 22 33', 'Mobile Phone': '+47 915 55 666', Categories: 'Kunder;Messe 2024', 'E-mail Address': 'ase@odegard-bakeri.no', 'E-mail Type': 'SMTP',
        'E-mail Display Name': 'Åse Ødegård (ase@odegard-bakeri.no)', Notes: 'Pris: 50 € – «surdeig» “levering” på fredager',
      })],
      [3, cells(h, {
        ...fixed, 'First Name': 'Bjørn', 'Last Name': 'Æsøy', Company: 'Æsøy Regnskap', 'Job Title': 'Rådgiver', 'Business City': 'Tromsø', 'Mobile Phone': '+47 916 66 777',
        'E-mail Address': 'bjorn@aesoy.no', 'E-mail Type': 'SMTP', 'E-mail Display Name': 'Bjørn Æsøy (bjorn@aesoy.no)', 'E-mail 2 Address': 'bjorn.aesoy@gmail.com', 'E-mail 2 Type': 'SMTP',
      })],
    ]);
  });

  it('refuses windows-1252 read as UTF-8 when the user forces UTF-8', async () => {
    const error = await readFailure('outlook.csv', { encoding: 'utf-8' });
    expect(error.code).toBe('bad-encoding');
    expect(error.message).toMatch(/^outlook\.csv: the start of the file is not valid utf-8 text; choose another encoding/);
  });

  const norwegianRows = [
    { rowNumber: 2, values: ['Åse', 'Ødegård', 'ase@odegard-bakeri.no', 'Ødegård Bakeri; Bærum AS', 'Baker', '67 11 22 33', '1337', 'Sandvika', 'Ja', 'Nettskjema', '05.03.2024'], raw: 'Åse;Ødegård;ase@odegard-bakeri.no;"Ødegård Bakeri; Bærum AS";Baker;67 11 22 33;1337;Sandvika;Ja;Nettskjema;05.03.2024' },
    { rowNumber: 3, values: ['Bjørn', 'Æsøy', 'bjorn@aesoy.no', 'Æsøy Regnskap', 'Rådgiver', '', '0150', 'Oslo', 'nei', 'Messe', '4.3.2024'], raw: 'Bjørn;Æsøy;bjorn@aesoy.no;Æsøy Regnskap;Rådgiver;;0150;Oslo;nei;Messe;4.3.2024' },
    { rowNumber: 4, values: ['Per', 'Olsen', 'per@olsen.no', 'Olsen "Fisk" AS', 'Innkjøper', '', '5003', 'Bergen', 'x', 'Visittkort', '2024-02-29'], raw: 'Per;Olsen;per@olsen.no;"Olsen ""Fisk"" AS";Innkjøper;;5003;Bergen;x;Visittkort;2024-02-29' },
  ];
  const norwegianHeaders = ['Fornavn', 'Etternavn', 'E-post', 'Firma', 'Stilling', 'Telefon', 'Postnr', 'Poststed', 'Samtykke', 'Kilde', 'Dato'];

  it.each([
    ['norwegian-excel-1252.csv', 'windows-1252'],
    ['norwegian-excel-utf8-bom.csv', 'utf-8-bom'],
  ])('Norwegian Excel (semicolons): %s', async (name, encoding) => {
    const { sniff, records } = await readAll(name);
    expect(sniff).toMatchObject({ format: 'csv', encoding, delimiter: ';', preambleLines: 0, headers: norwegianHeaders });
    expect(records).toEqual(norwegianRows);
    const mapping = suggestMapping(sniff.headers);
    expect(mapping).toEqual({
      layout: null,
      fields: ['firstName', 'lastName', 'email', 'company', 'title', 'phone', 'ignore', 'city', 'consent', 'source', 'collectedAt'],
    });
    expect(records.map((r) => applyMapping(sniff.headers, r.values, mapping).consent)).toEqual([
      { source: 'web-form', collectedAt: '2024-03-05', basis: null, consent: true, optInTime: null, confirmTime: null, listStatus: null, listStatusTime: null, problems: [] },
      { source: 'event-booth', collectedAt: '2024-03-04', basis: null, consent: false, optInTime: null, confirmTime: null, listStatus: null, listStatusTime: null, problems: [] },
      { source: 'business-card', collectedAt: '2024-02-29', basis: null, consent: true, optInTime: null, confirmTime: null, listStatus: null, listStatusTime: null, problems: [] },
    ]);
  });

  it('Excel "Unicode text": UTF-16 LE with BOM, tab-separated, quoted cells, astral characters', async () => {
    const { sniff, records } = await readAll('excel-unicode-text.txt');
    expect(sniff).toMatchObject({ format: 'csv', encoding: 'utf-16le', delimiter: '\t', preambleLines: 0, headers: ['Navn', 'E-post', 'Firma', 'Notat'] });
    expect(records).toEqual([
      { rowNumber: 2, values: ['Åse Ødegård', 'ase@odegard-bakeri.no', 'Ødegård Bakeri', 'Sa "ja" på messen'], raw: 'Åse Ødegård\tase@odegard-bakeri.no\tØdegård Bakeri\t"Sa ""ja"" på messen"' },
      { rowNumber: 3, values: ['Zoë Ñúñez', 'zoe@example.es', 'El Niño S.L.', 'To linjer:\r\nandre linje'], raw: 'Zoë Ñúñez\tzoe@example.es\tEl Niño S.L.\t"To linjer:\r\nandre linje"' },
      { rowNumber: 4, values: ['Li Wei 李伟', 'li.wei@example.cn', '北京烘焙', '😀 emoji'], raw: 'Li Wei 李伟\tli.wei@example.cn\t北京烘焙\t😀 emoji' },
    ]);
  });

  it('LinkedIn Connections: skips the Notes preamble; rows numbered by file line', async () => {
    const { sniff, records } = await readAll('linkedin-connections.csv');
    expect(sniff).toMatchObject({
      format: 'csv', encoding: 'utf-8', delimiter: ',', preambleLines: 3,
      headers: ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
    });
    expect(suggestMapping(sniff.headers).layout).toBe('linkedin');
    expect(records).toEqual([
      { rowNumber: 5, values: ['Ola', 'Nordmann', 'https://www.linkedin.com/in/olanordmann', 'ola@bakeri.no', 'Bakeriet AS', 'Daglig leder', '05 Mar 2024'], raw: 'Ola,Nordmann,https://www.linkedin.com/in/olanordmann,ola@bakeri.no,Bakeriet AS,Daglig leder,05 Mar 2024' },
      { rowNumber: 6, values: ['Kari', 'Hansen', 'https://www.linkedin.com/in/karihansen', '', 'Hansen Eiendom, Trondheim', 'Eiendomsmegler', '17 Jan 2023'], raw: 'Kari,Hansen,https://www.linkedin.com/in/karihansen,,"Hansen Eiendom, Trondheim",Eiendomsmegler,17 Jan 2023' },
    ]);
  });

  it.each([
    ['mailchimp-subscribed.csv', 23, 'subscribed', ['ola@bakeri.no', 'kari.hansen@example.no']],
    ['mailchimp-unsubscribed.csv', 28, 'unsubscribed', ['per@olsen.no']],
    ['mailchimp-cleaned.csv', 26, 'cleaned', ['gammel@firma.no']],
  ])('Mailchimp audience export %s: list status from the export kind', async (name, width, status, emails) => {
    const { sniff, records } = await readAll(name);
    expect(sniff).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', preambleLines: 0 });
    expect(sniff.headers).toHaveLength(width);
    const mapping = suggestMapping(sniff.headers);
    expect(mapping.layout).toBe('mailchimp');
    const rows = records.map((r) => applyMapping(sniff.headers, r.values, mapping));
    expect(rows.map((r) => r.email)).toEqual(emails);
    expect(rows.map((r) => r.consent.listStatus)).toEqual(emails.map(() => status));
  });

  it('Mailchimp subscribed: every cell, opt-in and confirm times, quoted tags', async () => {
    const { sniff, records } = await readAll('mailchimp-subscribed.csv');
    const h = sniff.headers;
    expect(records.map((r) => [r.rowNumber, r.values])).toEqual([
      [2, cells(h, {
        'Email Address': 'ola@bakeri.no', 'First Name': 'Ola', 'Last Name': 'Nordmann', Address: 'Storgata 1  Oslo  0150  NO', 'Phone Number': '+47 912 34 567', MEMBER_RATING: '2',
        OPTIN_TIME: '2024-03-05 10:11:12', OPTIN_IP: '192.0.2.10', CONFIRM_TIME: '2024-03-05 10:12:40', CONFIRM_IP: '192.0.2.10', LATITUDE: '59.9133', LONGITUDE: '10.7389', GMTOFF: '1',
        DSTOFF: '2', TIMEZONE: 'Europe/Oslo', CC: 'NO', REGION: '03', LAST_CHANGED: '2024-03-06 08:00:00', LEID: '123456789', EUID: 'a1b2c3d4e5', TAGS: '"Kunder","VIP"',
      })],
      [3, cells(h, {
        'Email Address': 'kari.hansen@example.no', 'First Name': 'Kari', 'Last Name': 'Hansen', MEMBER_RATING: '3', CONFIRM_TIME: '2023-01-17 09:00:00', CONFIRM_IP: '198.51.100.7',
        LAST_CHANGED: '2023-01-17 09:00:00', LEID: '123456790', EUID: 'f6e5d4c3b2', NOTES: 'Kom via nettskjema',
      })],
    ]);
    const row = applyMapping(h, records[0]!.values, suggestMapping(h));
    expect(row).toMatchObject({ email: 'ola@bakeri.no', phone: '+47 912 34 567', tags: ['Kunder', 'VIP'] });
    expect(row.consent).toMatchObject({ optInTime: '2024-03-05', confirmTime: '2024-03-05', listStatus: 'subscribed', problems: [] });
  });

  it('HubSpot', async () => {
    const { sniff, records } = await readAll('hubspot.csv');
    expect(sniff).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', preambleLines: 0 });
    const mapping = suggestMapping(sniff.headers);
    expect(mapping.layout).toBe('hubspot');
    expect(records.map((r) => r.values)).toEqual([
      ['51', 'Ola', 'Nordmann', 'ola@bakeri.no', '+47 912 34 567', 'Bakeriet AS', 'Daglig leder', 'Oslo', 'Norway', 'Marketing contact', 'Customer', '2024-03-05 10:11', 'Kari Selger', 'false'],
      ['52', 'Per', 'Olsen', 'per@olsen.no', '', 'Olsen Fisk AS', 'Innkjøper', 'Bergen', 'Norway', 'Non-marketing contact', 'Lead', '2023-11-02 08:30', '', 'true'],
    ]);
    const rows = records.map((r) => applyMapping(sniff.headers, r.values, mapping));
    expect(rows[0]).toMatchObject({ email: 'ola@bakeri.no', firstName: 'Ola', company: 'Bakeriet AS', title: 'Daglig leder', city: 'Oslo', country: 'Norway' });
    expect(rows.map((r) => [r.consent.collectedAt, r.consent.listStatus])).toEqual([['2024-03-05', null], ['2023-11-02', 'unsubscribed']]);
  });

  it('Eventbrite attendee report', async () => {
    const { sniff, records } = await readAll('eventbrite.csv');
    const mapping = suggestMapping(sniff.headers);
    expect(mapping.layout).toBe('eventbrite');
    expect(records.map((r) => r.rowNumber)).toEqual([2, 3]);
    const rows = records.map((r) => applyMapping(sniff.headers, r.values, mapping));
    // The attendee's address, not the buyer's (Anders bought Siri's ticket).
    expect(rows.map((r) => [r.email, r.firstName, r.lastName, r.company, r.consent.collectedAt])).toEqual([
      ['ola@bakeri.no', 'Ola', 'Nordmann', 'Bakeriet AS', '2024-03-05'],
      ['siri@lieco.no', 'Siri', 'Lie', 'Lie & Co', '2024-03-06'],
    ]);
  });

  it('listmonk: blocklisted is unsubscribed; JSON attributes stay one cell', async () => {
    const { sniff, records } = await readAll('listmonk.csv');
    expect(sniff.headers).toEqual(['uuid', 'email', 'name', 'attributes', 'status', 'created_at', 'updated_at']);
    const mapping = suggestMapping(sniff.headers);
    expect(mapping).toEqual({ layout: 'listmonk', fields: ['ignore', 'email', 'fullName', 'ignore', 'listStatus', 'collectedAt', 'ignore'] });
    expect(records.map((r) => r.values[3])).toEqual(['{"city": "Oslo"}', '{}']);
    const rows = records.map((r) => applyMapping(sniff.headers, r.values, mapping));
    expect(rows.map((r) => [r.email, r.firstName, r.lastName, r.consent.listStatus, r.consent.collectedAt])).toEqual([
      ['ola@bakeri.no', 'Ola', 'Nordmann', 'subscribed', '2024-03-05'],
      ['spam@example.com', 'Per', 'Olsen', 'unsubscribed', '2023-01-02'],
    ]);
  });
});

describe('vCard and scan files', () => {
  it('Android vCard 2.1: quoted-printable UTF-8 with a soft line break, PREF picks the address and phone', async () => {
    const { sniff, records } = await readAll('android-2.1.vcf');
    expect(sniff).toMatchObject({ format: 'vcard', encoding: 'utf-8', delimiter: null, preambleLines: 0, headers: CARD });
    expect(suggestMapping(sniff.headers, sniff.format).layout).toBe('vcard');
    expect(records.map((r) => [r.rowNumber, r.values])).toEqual([
      [1, card({
        email: 'bjorn.odegard@bakeri.no', otherEmails: 'bjorn@example.no', firstName: 'Bjørn', lastName: 'Ødegård', fullName: 'Bjørn Ødegård', company: 'Bakeriet på hjørnet',
        phone: '+47 22 11 22 33', note: 'Møtt på messen i Lillestrøm, vil ha nyhetsbrev om surdeig.',
      })],
      [13, card({ email: 'kari.hansen@example.no', firstName: 'Kari', lastName: 'Hansen', fullName: 'Kari Hansen', city: 'Trondheim', country: 'Norge' })],
    ]);
    expect(records[1]!.raw).toBe('BEGIN:VCARD\nVERSION:2.1\nN:Hansen;Kari;;;\nFN:Kari Hansen\nEMAIL;INTERNET:kari.hansen@example.no\nADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Kongens gate 5;Trondheim;;7011;Norge\nEND:VCARD');
  });

  it('Outlook vCard 2.1: windows-1252 file, quoted-printable without a charset', async () => {
    const { sniff, records } = await readAll('outlook-2.1.vcf');
    expect(sniff).toMatchObject({ format: 'vcard', encoding: 'windows-1252' });
    expect(records.map((r) => [r.rowNumber, r.values])).toEqual([
      [1, card({
        email: 'bjorn@aesoy.no', firstName: 'Bjørn', lastName: 'Æsøy', fullName: 'Bjørn Æsøy', company: 'Æsøy Regnskap AS', title: 'Daglig leder', phone: '22 33 44 55',
        city: 'Tromsø', country: 'Norge', note: 'Kunde siden 2019 – «viktig»\r\n50 € rabatt',
      })],
    ]);
  });

  it('iOS vCard 3.0: item groups, type=pref, escapes, folded lines, the photo left out of the raw text', async () => {
    const { sniff, records } = await readAll('ios-3.0.vcf');
    expect(sniff).toMatchObject({ format: 'vcard', encoding: 'utf-8' });
    expect(records.map((r) => [r.rowNumber, r.values])).toEqual([
      [1, card({
        email: 'kari@hanseneiendom.no', otherEmails: 'kari.privat@example.no; kari.hansen@gmail.com', firstName: 'Kari', lastName: 'Hansen', fullName: 'Kari Hansen',
        company: 'Hansen Eiendom AS', title: 'Eiendomsmegler', phone: '+47 900 11 222', city: 'Trondheim', country: 'Norge', tags: 'Kunder, Visning',
        note: 'Visning 5. mars, interessert i nyhetsbrev\nRing etter kl. 12',
      })],
      [22, card({ email: 'siri@lieco.no', firstName: 'Siri', lastName: 'Lie', fullName: 'Siri Lie', company: 'Lie & Co', note: 'En veldig lang notat-linje som Apple bretter fordi den er lengre enn syttifem tegn; den skal leses som én linje.' })],
    ]);
    expect(records[0]!.raw).toContain('PHOTO;ENCODING=b;TYPE=JPEG:[embedded data left out]\nEND:VCARD');
    expect(records[0]!.raw).not.toContain('/9j/');
  });

  it('vCard 4.0: PREF=1, quoted TYPE lists, tel: URIs', async () => {
    const { records } = await readAll('vcard-4.0.vcf');
    expect(records.map((r) => r.values)).toEqual([
      card({
        email: 'per.olsen@olsenfisk.no', otherEmails: 'innkjop@olsenfisk.no; per@example.com', firstName: 'Per', lastName: 'Olsen', fullName: 'Per Olsen', company: 'Olsen Fisk AS',
        title: 'Innkjøper', phone: '+47-913-45-678', city: 'Bergen', country: 'Norway', tags: 'leverandør, fisk', note: 'Ønsker tilbud\nRing etter kl. 12',
      }),
    ]);
  });

  it('badge scans: MECARD lines, one-line vCards, a vCard block, and a stray line kept as a rejected record', async () => {
    const { sniff, records } = await readAll('badge-scans.txt');
    expect(sniff).toMatchObject({ format: 'mecard', encoding: 'utf-8', headers: CARD });
    expect(suggestMapping(sniff.headers, sniff.format).layout).toBe('mecard');
    expect(records.map((r) => [r.rowNumber, r.values, r.error])).toEqual([
      [1, card({ email: 'ola@bakeri.no', firstName: 'Ola', lastName: 'Nordmann', company: 'Bakeriet AS', phone: '+4791234567' }), undefined],
      [2, card({ email: 'anne@berg.no', otherEmails: 'anne.berg@gmail.com', firstName: 'Anne', lastName: 'Berg, jr.', note: 'Stand 14; vil ha demo' }), undefined],
      [3, card({ email: 'siri@lieco.no', firstName: 'Siri', lastName: 'Lie', fullName: 'Siri Lie', company: 'Lie & Co', note: 'Linje 1\nlinje 2' }), undefined],
      [4, card({}), { text: 'line 4 is neither a MECARD nor a vCard scan', code: 'not-a-scan', params: { line: 4 } }],
      [6, card({ email: 'erik@dahl.no', firstName: 'Erik', lastName: 'Dahl' }), undefined],
      [11, card({ email: 'ingrid@solberg.no', firstName: 'Ingrid', lastName: 'Solberg', city: 'Ålesund', country: 'Norge' }), undefined],
    ]);
    expect(records[3]!.raw).toBe('https://example.com/ikke-en-kontakt');
  });
});

describe('spreadsheets', () => {
  it('.xlsx: first sheet by default, header = first non-empty row, cells as shown', async () => {
    const { sniff, records } = await readAll('contacts.xlsx');
    expect(sniff).toMatchObject({
      format: 'xlsx', encoding: 'binary', delimiter: null, preambleLines: 1, sheets: ['Kunder', 'Leverandører'], sheet: 'Kunder',
      headers: ['Navn', 'E-post', 'Postnr', 'Registrert', 'Samtykke', 'Rabatt', 'Visningsnavn', 'Kontakt'],
    });
    expect(records).toEqual([
      {
        rowNumber: 3,
        values: ['Åse Ødegård', 'ase@odegard-bakeri.no', '1337', '2024-03-05', 'TRUE', '0.3', 'Åse Ødegård (kunde)', 'ase@odegard-bakeri.no'],
        raw: 'Åse Ødegård,ase@odegard-bakeri.no,1337,2024-03-05,TRUE,0.3,Åse Ødegård (kunde),ase@odegard-bakeri.no',
      },
      { rowNumber: 4, values: ['Per Olsen', 'per@olsen.no', '0150', '2023-11-02 14:30', 'FALSE', '12.5', 'Per Olsen (kunde)', ''], raw: 'Per Olsen,per@olsen.no,0150,2023-11-02 14:30,FALSE,12.5,Per Olsen (kunde)' },
      { rowNumber: 6, values: ['Kari Hansen', 'kari@hanseneiendom.no', '7011', '2024-03-05', 'ja', '1e-7', '', ''], raw: 'Kari Hansen,kari@hanseneiendom.no,7011,2024-03-05,ja,1e-7' },
    ]);
  });

  it('.xlsx: another sheet by name; an unknown sheet names the ones there are', async () => {
    const { sniff, records } = await readAll('contacts.xlsx', { sheet: 'Leverandører' });
    expect(sniff).toMatchObject({ sheet: 'Leverandører', preambleLines: 0, headers: ['Firma', 'Kontaktperson', 'Epost'] });
    expect(records).toEqual([{ rowNumber: 2, values: ['Olsen Fisk AS', 'Per Olsen', 'innkjop@olsenfisk.no'], raw: 'Olsen Fisk AS,Per Olsen,innkjop@olsenfisk.no' }]);
    const error = await readFailure('contacts.xlsx', { sheet: 'Ark3' });
    expect(error.code).toBe('no-sheet');
    expect(error.message).toBe('contacts.xlsx: there is no sheet called “Ark3” (the sheets are: “Kunder”, “Leverandører”)');
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['empty.csv', 'empty', null, null, 'empty.csv: the file is empty (0 bytes)'],
    ['bom-only.csv', 'blank', null, null, 'bom-only.csv: the file has nothing in it but blank space'],
    ['header-only.csv', 'no-rows', 1, null, 'header-only.csv (row 1): the file has a header row but no rows to import'],
    ['binary.png', 'binary-image', null, null, /^binary\.png: this is an image, not a contact list/],
    ['old-excel.xls', 'old-excel', null, null, /^old-excel\.xls: this is an old-style Excel file \(\.xls\).*save it as \.xlsx or CSV/],
    ['not-xlsx.zip', 'not-xlsx-zip', null, null, /^not-xlsx\.zip: this is a ZIP archive, not an \.xlsx spreadsheet/],
    ['spreadsheet.ods', 'not-xlsx-opendocument', null, null, /^spreadsheet\.ods: this is an OpenDocument file/],
    ['unterminated-quote.csv', 'unterminated-quote', 5, 3, /^unterminated-quote\.csv \(row 5, column 3\): a quoted field opens here and is never closed/],
    ['duplicate-headers.csv', 'bad-headers', 1, 3, 'duplicate-headers.csv (row 1, column 3): the header row has problems: columns 1 and 3 have the same name, “Email”; columns 2 and 5 have the same name, “Name”. Give every column its own name (or delete the column) and import again'],
    ['proto-header.csv', 'bad-headers', 1, 2, /column 2 is called “__proto__”, which cannot be a column name/],
    ['empty-header.csv', 'bad-headers', 1, 2, /column 2 has no name/],
    ['wide-row.csv', 'too-many-columns', 2, 1001, /^wide-row\.csv \(row 2, column 1001\): this row has more than 1000 columns/],
    ['long-field.csv', 'field-too-long', 2, 2, 'long-field.csv (row 2, column 2): a field is longer than 64 KiB of text; no contact field is that long'],
  ] as const)('%s → %s', async (name, code, row, column, message) => {
    const error = await readFailure(name);
    expect({ code: error.code, row: error.row, column: error.column, file: error.file }).toEqual({ code, row, column, file: name });
    expect(error.message).toMatch(message);
  });

  it('the unterminated quote stops the reading even after earlier batches were delivered', async () => {
    const sniff: SniffResult = { format: 'csv', encoding: 'utf-8', delimiter: ',', preambleLines: 0, headers: ['email', 'name', 'note'], sheets: [], sheet: null, sampleRows: [] };
    const seen: number[] = [];
    const error = await failure(async () => {
      for await (const batch of readRecords(fixture('unterminated-quote.csv'), sniff, { batchSize: 1 })) seen.push(...batch.map((r) => r.rowNumber));
    });
    expect(error.code).toBe('unterminated-quote');
    expect(error.row).toBe(5);
    expect(seen).toEqual([2, 3]);
  });

  it('ragged rows and stray quotes are per-record errors; the other rows read normally', async () => {
    const { records } = await readAll('ragged-rows.csv');
    expect(records.map((r) => [r.rowNumber, r.values, r.error])).toEqual([
      [2, ['ann@example.no', 'Ann', 'Bakeriet'], undefined],
      [3, ['bob@example.no', 'Bob'], { text: 'row 3 has 2 fields, the header has 3', code: 'ragged-row', params: { row: 3, count: 2, width: 3 } }],
      [4, ['cid@example.no', 'Cid', 'Lie & Co', 'extra'], { text: 'row 4 has 4 fields, the header has 3', code: 'ragged-row', params: { row: 4, count: 4, width: 3 } }],
      [5, ['dan@example.no', 'Dan "The Man" Dahl', 'Dahl AS'], undefined],
      [
        6,
        ['eve@example.no', 'Eve the" Berg"', 'Berg AS'],
        {
          text: 'row 6, column 2: text follows the closing quote of a quoted field (a quote inside a quoted field must be written twice: "")',
          code: 'text-after-quote',
          params: { row: 6, column: 2 },
        },
      ],
    ]);
    expect(records[2]!.raw).toBe('cid@example.no,Cid,Lie & Co,extra');
  });

  it('trailing nameless empty columns are allowed; a value under one rejects that row only', async () => {
    const { sniff, records } = await readAll('trailing-empty-columns.csv');
    expect(sniff).toMatchObject({ delimiter: ';', headers: ['E-post', 'Navn', '', ''], notes: ['columns 3 and 4 at the end of the header have no name and no values; ignored'] });
    expect(records).toHaveLength(26);
    expect(records.filter((r) => r.error)).toEqual([
      {
        rowNumber: 27,
        values: ['late@example.no', 'Late', '', 'oops'],
        raw: 'late@example.no;Late;;oops',
        error: { text: 'row 27 has a value in column 4, which has no header', code: 'value-without-header', params: { row: 27, column: 4 } },
      },
    ]);
  });

  it('every fixture file is covered here', () => {
    const covered = [
      'google-contacts.csv', 'google-contacts-legacy.csv', 'outlook.csv', 'norwegian-excel-1252.csv', 'norwegian-excel-utf8-bom.csv', 'excel-unicode-text.txt',
      'linkedin-connections.csv', 'mailchimp-subscribed.csv', 'mailchimp-unsubscribed.csv', 'mailchimp-cleaned.csv', 'hubspot.csv', 'eventbrite.csv', 'listmonk.csv',
      'android-2.1.vcf', 'outlook-2.1.vcf', 'ios-3.0.vcf', 'vcard-4.0.vcf', 'badge-scans.txt', 'contacts.xlsx', 'empty.csv', 'bom-only.csv', 'header-only.csv',
      'binary.png', 'old-excel.xls', 'not-xlsx.zip', 'spreadsheet.ods', 'unterminated-quote.csv', 'duplicate-headers.csv', 'proto-header.csv', 'empty-header.csv',
      'wide-row.csv', 'long-field.csv', 'ragged-rows.csv', 'trailing-empty-columns.csv', 'generate.ts',
    ];
    expect(fs.readdirSync(fixtures).sort()).toEqual(covered.sort());
  });
});
