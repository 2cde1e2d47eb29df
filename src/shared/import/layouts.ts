// Known export layouts, recognised by their headers, and the header synonyms (English and
// Norwegian) used for every other file. Headers are compared normalized: lower case,
// letters and digits only ("E-mail 1 - Value" → "email1value", "OPTIN_TIME" → "optintime").

import type { FieldKey } from './mapping.ts';

export function normalizeHeader(header: string): string {
  return header.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export interface Layout {
  id: string;
  /** True when the normalized headers are this export's. */
  detect: (headers: ReadonlySet<string>) => boolean;
  /** The export's columns (normalized) → fields; numbered columns by pattern. */
  fields: Record<string, FieldKey>;
  patterns?: [RegExp, FieldKey | ((n: number) => FieldKey)][];
  /** Slashed dates in this export are US month/day. */
  usDates: boolean;
}

const has = (headers: ReadonlySet<string>, ...names: string[]): boolean => names.every((n) => headers.has(n));

/** Google's numbered e-mail columns: the first is the address, later ones other addresses. */
const googleEmail = (n: number): FieldKey => (n === 1 ? 'email' : 'otherEmails');

export const LAYOUTS: readonly Layout[] = [
  {
    // Audience export (subscribed, unsubscribed and cleaned members).
    id: 'mailchimp',
    detect: (h) => h.has('emailaddress') && (h.has('optintime') || h.has('memberrating') || h.has('leid') || h.has('euid')),
    fields: {
      emailaddress: 'email', firstname: 'firstName', lastname: 'lastName', phonenumber: 'phone', address: 'ignore', birthday: 'ignore',
      memberrating: 'ignore', optintime: 'optInTime', optinip: 'ignore', confirmtime: 'confirmTime', confirmip: 'ignore',
      latitude: 'ignore', longitude: 'ignore', gmtoff: 'ignore', dstoff: 'ignore', timezone: 'ignore', cc: 'ignore', region: 'ignore',
      lastchanged: 'ignore', leid: 'ignore', euid: 'ignore', notes: 'note', tags: 'tags',
      unsubtime: 'listStatus', unsubcampaigntitle: 'ignore', unsubcampaignid: 'ignore', unsubreason: 'ignore', unsubreasonother: 'ignore',
      cleantime: 'listStatus', cleancampaigntitle: 'ignore', cleancampaignid: 'ignore',
    },
    usDates: false,
  },
  {
    // Connections.csv from LinkedIn's data export.
    id: 'linkedin',
    detect: (h) => has(h, 'firstname', 'lastname', 'url', 'emailaddress', 'connectedon'),
    fields: { firstname: 'firstName', lastname: 'lastName', url: 'ignore', emailaddress: 'email', company: 'company', position: 'title', connectedon: 'collectedAt' },
    usDates: false,
  },
  {
    id: 'hubspot',
    detect: (h) => h.has('recordid') && (h.has('email') || h.has('emailaddress')),
    fields: {
      recordid: 'ignore', firstname: 'firstName', lastname: 'lastName', email: 'email', emailaddress: 'email', phonenumber: 'phone',
      mobilephonenumber: 'phone', companyname: 'company', jobtitle: 'title', city: 'city', countryregion: 'country', country: 'country',
      marketingcontactstatus: 'ignore', lifecyclestage: 'ignore', leadstatus: 'ignore', contactowner: 'ignore', createdate: 'collectedAt',
      lastactivitydate: 'ignore', associatedcompany: 'ignore', emaildomain: 'ignore', unsubscribedfromallemail: 'listStatus',
    },
    usDates: true,
  },
  {
    // Attendee summary report.
    id: 'eventbrite',
    detect: (h) => has(h, 'order', 'tickettype', 'email'),
    fields: {
      order: 'ignore', orderdate: 'collectedAt', firstname: 'firstName', lastname: 'lastName', email: 'email', quantity: 'ignore',
      tickettype: 'ignore', attendee: 'ignore', barcode: 'ignore', buyerfirstname: 'ignore', buyerlastname: 'ignore', buyeremail: 'ignore',
      ordertype: 'ignore', currency: 'ignore', totalpaid: 'ignore', attendeestatus: 'ignore', company: 'company', jobtitle: 'title',
      cellphone: 'phone', workphone: 'phone', homecity: 'city', workcity: 'city', homecountry: 'country', workcountry: 'country',
    },
    usDates: true,
  },
  {
    // Subscribers export.
    id: 'listmonk',
    detect: (h) => has(h, 'uuid', 'email', 'name', 'attributes', 'status'),
    fields: { uuid: 'ignore', email: 'email', name: 'fullName', attributes: 'ignore', status: 'listStatus', createdat: 'collectedAt', updatedat: 'ignore' },
    usDates: false,
  },
  {
    // Google Contacts' current "Google CSV".
    id: 'google-contacts',
    detect: (h) => has(h, 'firstname', 'lastname', 'email1value') && (h.has('email1label') || h.has('organizationname')),
    fields: {
      firstname: 'firstName', lastname: 'lastName', organizationname: 'company', organizationtitle: 'title', notes: 'note', labels: 'tags',
    },
    patterns: [
      [/^email(\d+)value$/, googleEmail],
      [/^phone\d+value$/, 'phone'],
      [/^address\d+city$/, 'city'],
      [/^address\d+country$/, 'country'],
    ],
    usDates: false,
  },
  {
    // The older Google CSV ("Given Name", "Family Name", "Group Membership").
    id: 'google-contacts-legacy',
    detect: (h) => has(h, 'givenname', 'familyname', 'email1value'),
    fields: {
      name: 'fullName', givenname: 'firstName', familyname: 'lastName', notes: 'note', groupmembership: 'tags',
      organization1name: 'company', organization1title: 'title',
    },
    patterns: [
      [/^email(\d+)value$/, googleEmail],
      [/^phone\d+value$/, 'phone'],
      [/^address\d+city$/, 'city'],
      [/^address\d+country$/, 'country'],
    ],
    usDates: false,
  },
  {
    // Outlook's "Comma Separated Values" export (desktop and outlook.com).
    id: 'outlook',
    detect: (h) => has(h, 'firstname', 'lastname', 'emailaddress', 'email2address'),
    fields: {
      title: 'ignore', // Outlook's Title is Mr./Ms.; the job is "Job Title"
      firstname: 'firstName', middlename: 'ignore', lastname: 'lastName', suffix: 'ignore', company: 'company', department: 'ignore',
      jobtitle: 'title', businesscity: 'city', homecity: 'city', othercity: 'city',
      businesscountryregion: 'country', businesscountry: 'country', homecountryregion: 'country', homecountry: 'country',
      mobilephone: 'phone', businessphone: 'phone', homephone: 'phone', primaryphone: 'phone',
      emailaddress: 'email', emailtype: 'ignore', emaildisplayname: 'ignore',
      email2address: 'otherEmails', email2type: 'ignore', email2displayname: 'ignore',
      email3address: 'otherEmails', email3type: 'ignore', email3displayname: 'ignore',
      categories: 'tags', notes: 'note',
    },
    usDates: true,
  },
];

const SYNONYMS = new Map<string, FieldKey>();
function synonyms(field: FieldKey, words: string[]): void {
  for (const w of words) SYNONYMS.set(normalizeHeader(w), field);
}
synonyms('email', ['email', 'e-mail', 'email address', 'e-mail address', 'e-mail adresse', 'emailadresse', 'e-mailadresse', 'epost', 'e-post', 'epostadresse', 'e-postadresse', 'epostadress', 'mail', 'mailadresse', 'primary email', 'work email', 'jobb e-post']);
synonyms('otherEmails', ['other emails', 'other email', 'secondary email', 'alternative email', 'annen e-post', 'alternativ e-post', 'e-post 2', 'email 2']);
synonyms('firstName', ['first name', 'firstname', 'given name', 'fornavn', 'first']);
synonyms('lastName', ['last name', 'lastname', 'family name', 'surname', 'etternavn', 'last']);
synonyms('fullName', ['name', 'full name', 'fullname', 'navn', 'fullt navn', 'display name', 'contact name', 'kontaktperson', 'kontaktnavn']);
synonyms('company', ['company', 'company name', 'organization', 'organisation', 'organization name', 'account name', 'employer', 'firma', 'firmanavn', 'bedrift', 'bedriftsnavn', 'selskap', 'organisasjon', 'virksomhet', 'arbeidsgiver']);
synonyms('title', ['title', 'job title', 'jobtitle', 'position', 'role', 'stilling', 'stillingstittel', 'tittel', 'rolle']);
synonyms('phone', ['phone', 'phone number', 'telephone', 'tel', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'mobil', 'mobilnummer', 'mobiltelefon', 'telefon', 'telefonnummer', 'tlf', 'tlf nr']);
synonyms('city', ['city', 'town', 'locality', 'sted', 'poststed', 'by', 'kommune']);
synonyms('country', ['country', 'country/region', 'nation', 'land']);
synonyms('tags', ['tags', 'tag', 'labels', 'groups', 'categories', 'category', 'segments', 'kategori', 'kategorier', 'etiketter', 'grupper', 'gruppe']);
synonyms('note', ['note', 'notes', 'comment', 'comments', 'description', 'notat', 'notater', 'kommentar', 'kommentarer', 'merknad', 'merknader']);
synonyms('source', ['source', 'lead source', 'origin', 'consent source', 'channel', 'kilde', 'opprinnelse', 'samtykkekilde', 'kanal']);
synonyms('collectedAt', ['date', 'signup date', 'sign up date', 'collected', 'collected at', 'collected on', 'created', 'created at', 'date added', 'consent date', 'opt-in date', 'subscribed at', 'dato', 'registrert', 'registreringsdato', 'innsamlet', 'innsamlingsdato', 'påmeldingsdato', 'samtykkedato',
  'påmeldt', 'påmeldt dato', 'påmeldt den', 'meldt på', 'registrert dato', 'registrert den', 'signed up', 'signed up on', 'signed up at', 'sign-up date', 'registered', 'registered on', 'registration date']);
synonyms('basis', ['basis', 'consent basis', 'consent type', 'legal basis', 'samtykketype', 'grunnlag', 'rettslig grunnlag']);
synonyms('consent', ['consent', 'opt-in', 'opted in', 'marketing consent', 'email consent', 'accepts marketing', 'accepts email marketing', 'newsletter', 'gdpr consent', 'samtykke', 'nyhetsbrev', 'ønsker nyhetsbrev', 'markedsføring', 'samtykke markedsføring']);
synonyms('optInTime', ['optin_time', 'opt-in time', 'optin time']);
synonyms('confirmTime', ['confirm_time', 'confirm time', 'confirmed at']);
synonyms('listStatus', ['status', 'subscription status', 'email status', 'list status', 'abonnementsstatus']);

/** Looser rules for files of no known layout: a word inside the header. First match wins. */
const CONTAINS: [RegExp, FieldKey, RegExp?][] = [
  [/(samtykke|consent|optin).*(dato|date|time)|(dato|date|time).*(samtykke|consent|optin)/u, 'collectedAt'],
  [/samtykke|consent|optin|gdpr|nyhetsbrev|newsletter|marketing|markedsføring/u, 'consent'],
  [/email|epost|mail/u, 'email', /domain|domene|label|type|status|bounce|verified|valid/u],
  [/fornavn|firstname|givenname/u, 'firstName'],
  [/etternavn|lastname|surname|familyname/u, 'lastName'],
  [/mobil|mobile|telefon|phone|tlf/u, 'phone', /type|label/u],
  [/firma|bedrift|company|organi[sz]ation|organisasjon|selskap/u, 'company', /id$|nr$|number|nummer|phone|telefon|address|adresse/u],
  [/stilling|jobtitle|tittel|position/u, 'title'],
  [/poststed|city|town/u, 'city'],
  [/kilde|source/u, 'source'],
  [/notat|note|kommentar|comment|merknad/u, 'note'],
  [/navn$|name$/u, 'fullName'],
];

/** A field for one normalized header: exact synonym, then (outside known layouts) a contained word. */
export function fieldForHeader(normalized: string, loose: boolean): FieldKey {
  const exact = SYNONYMS.get(normalized);
  if (exact) return exact;
  if (!loose || normalized === '') return 'ignore';
  for (const [pattern, field, unless] of CONTAINS) {
    if (pattern.test(normalized) && !(unless && unless.test(normalized))) return field;
  }
  return 'ignore';
}

/** The layout's field for a normalized header, or undefined when the layout does not name it. */
export function layoutField(layout: Layout, normalized: string): FieldKey | undefined {
  // hasOwn: a header called "constructor" must not find Object.prototype's.
  if (Object.hasOwn(layout.fields, normalized)) return layout.fields[normalized];
  for (const [pattern, field] of layout.patterns ?? []) {
    const m = pattern.exec(normalized);
    if (m) return typeof field === 'function' ? field(Number(m[1])) : field;
  }
  return undefined;
}
