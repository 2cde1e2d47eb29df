// English: complete. Every string the UI shows comes from here (or nb.ts).

export const en = {
  app: { name: 'Tillit', tagline: 'Consent-first contact lists', asOf: 'As of', policy: 'Policy', brand: 'Brand', noBrand: 'no brand set' },
  nav: { contacts: 'Contacts', import: 'Import', review: 'Review', export: 'Export', settings: 'Settings' },
  common: {
    cancel: 'Cancel', close: 'Close', save: 'Save', loading: 'Loading…', error: 'Something went wrong', retry: 'Try again',
    today: 'Today', optional: 'optional', download: 'Download', selected: '{{count}} selected', none: '—',
  },
  token: {
    title: 'This page needs its key',
    body: 'Open the link that `tillit serve` (or `npm start`) printed, including the part after #token=. The key changes every time Tillit starts.',
  },
  status: {
    explicit: 'Explicit consent', implicit: 'Implicit consent', 'needs-reconfirmation': 'Needs re-confirmation', 'not-permitted': 'Not permitted',
    unsubscribed: 'Unsubscribed', bounced: 'Bounced', invalid: 'Invalid address',
  },
  reason: {
    'invalid-address': 'The address is not valid', 'hard-bounce': 'Bounced hard', withdrawn: 'Unsubscribed', complaint: 'Complained (spam)',
    'role-address': 'Shared (role) mailbox', 'explicit-opt-in': 'Explicit opt-in', reconfirmed: 'Re-confirmed',
    'implicit-relationship': 'Recent customer relationship', 'membership-active': 'Active member', 'implicit-signup': 'Signed up (implicit)',
    'consider-explicit': 'Consider asking for explicit consent', 'implicit-expired': 'Implicit consent expired', 'needs-verification': 'Source needs verification',
    'other-brand': 'Consent given to another brand', 'membership-ended': 'Membership ended', 'no-evidence': 'No consent recorded',
    'explicit-required': 'Explicit consent required', 'casl-business-card': 'Business card (CASL)', 'not-acceptable-source': 'Third-party source',
    'one-to-one-only': 'One-to-one contact only', 'similar-products-only': 'Only about products similar to what they bought',
  },
  source: {
    group: { acceptable: 'Acceptable', 'not-acceptable': 'Not acceptable (third party)', 'needs-verification': 'Needs verification', none: 'No source' },
    'web-form': 'Web form', 'newsletter-signup': 'Newsletter sign-up (paper or online)', purchase: 'Purchase', contract: 'Contract', donation: 'Donation',
    volunteer: 'Volunteer', membership: 'Membership', 'ad-conversion': 'Ad conversion', 'event-booth': 'Event booth / badge scan', 'business-card': 'Business card',
    'purchased-list': 'Bought, rented or borrowed list', 'member-list': 'Member or organisation list', 'previous-company': 'From a previous company',
    'other-brand-form': "Another brand's form", 'lead-vendor': 'Lead vendor or enrichment tool', 'direct-email': 'They e-mailed us one-to-one',
    'event-attendee-list': "Organiser's attendee list", personal: 'Friends, family, former colleagues', 'employee-list': "Employer's staff list",
    acquisition: 'Merger or acquired brand', 'met-in-person': 'Met in person (verbal)', unknown: 'Unknown',
  },
  basis: { explicit: 'Explicit — they actively said yes', implicit: 'Implicit — they gave the address for another purpose', fromFile: 'From the file' },
  eventKind: {
    'opt-in': 'Opt-in', reconfirmation: 'Re-confirmation', 'membership-end': 'Membership ended', withdrawal: 'Unsubscribed', complaint: 'Complaint',
    'hard-bounce': 'Hard bounce', note: 'Note', void: 'Correction (voided)',
  },
  contacts: {
    title: 'Contacts', search: 'Search name, e-mail or company', all: 'All', empty: 'No contacts yet', emptyHint: 'Import a list to get started: a CSV or Excel export, vCards, or badge scans.',
    goImport: 'Import a list', noMatch: 'No contacts match this filter.', email: 'E-mail', name: 'Name', company: 'Company', status: 'Status', expires: 'Expires',
    count: '{{shown}} of {{total}} contacts', selectAll: 'Select all {{count}} matching', clearSelection: 'Clear selection', recordForSelection: 'Record evidence for {{count}} contacts',
    selectRow: 'Select {{email}}',
  },
  detail: {
    title: 'Contact', why: 'May I mail this person?', timeline: 'Consent timeline', evidence: 'Evidence', noEvents: 'No consent events yet.', rule: 'Rule',
    recordOptIn: 'Record opt-in', unsubscribe: 'Unsubscribe', markBounced: 'Mark bounced', addNote: 'Add note', supersededBy: 'replaced by #{{id}}',
    expiresOn: 'Implicit consent until {{date}}', viewEvidence: 'View', erase: 'Erase on request', eraseReason: 'Why (e.g. “request by e-mail 12 May”)',
    eraseConfirm: 'Erase this person for good', correct: 'Correct', correctionReason: 'Why is this event wrong?', voidEvent: 'Void this event',
  },
  record: {
    title: 'Record consent evidence', forCount_one: 'For 1 contact', forCount_other: 'For {{count}} contacts', kind: 'What happened', source: 'Where the address came from', basis: 'Basis',
    date: 'Date', brand: 'Given to brand', brandHint: 'Leave empty for your own brand', note: 'Note', proof: 'Proof', proofFile: 'Attach a file (scan, screenshot, PDF)',
    proofText: "The form's wording", proofUrl: 'Form URL', recordedBy: 'Recorded by', submit: 'Record', done_one: 'Recorded for 1 contact.', done_other: 'Recorded for {{count}} contacts.',
  },
  import: {
    title: 'Import a list', choose: 'Choose a file', drop: 'or drop it here', formats: 'CSV or text (any delimiter, Excel/Outlook encodings), .xlsx, vCard (.vcf), badge scans (MECARD).',
    uploading: 'Uploading… {{percent}} %', detected: 'Detected', format: 'Format', encoding: 'Encoding', delimiter: 'Delimiter', layout: 'Layout', sheet: 'Sheet', genericLayout: 'plain headers',
    batch: 'Where did this list come from?', sourceHelp: 'Acceptable sources can be mailed; third-party lists cannot; some need verification first.',
    collectedAt: 'Collected on', mapping: 'Columns', preview: 'Preview', rows: 'rows', willAdd: 'new', willMerge: 'merged', duplicates: 'duplicates in file', rejected: 'rejected',
    overwrite: 'Replace names, companies and other details already stored (otherwise only empty fields are filled)',
    unnamedColumn: '(column {{n}}, no header)', row: 'Row', outcome: 'Outcome', problems: 'Problems', commit: 'Import {{count}} contacts', working: 'Importing…', rate: '{{rate}} rows/s', timeLeft: 'about {{seconds}} s left',
    cancel: 'Cancel import', report: 'Import finished', undo: 'Undo this import', undone: 'Undone', viewContacts: 'View contacts', rejectedRows: 'Rejected rows',
    downloadRejected: 'Download rejected rows (CSV)', history: 'Past imports', another: 'Import another file', outcomes: { add: 'new', merge: 'merge', duplicate: 'duplicate', reject: 'rejected' },
    dryRunNote: 'Nothing is written until you press Import.', step: { reading: 'Reading and writing', writing: 'Writing', statuses: 'Updating statuses', done: 'Done' },
  },
  review: {
    title: 'Review', intro: 'Who may not be mailed today, and what to do about it.', needs: 'Need re-confirmation', needsHelp: 'No verifiable consent yet, or it has expired. Ask them one-to-one, then record their opt-in.',
    notPermitted: 'Not permitted', notPermittedHelp: 'Bought lists, third-party lists and shared mailboxes. Re-confirmation e-mails are themselves marketing in Canada (CASL) and Norway — contact these people one-to-one only.',
    expiring: 'Implicit consent expiring within 60 days', expiringHelp: 'Ask for explicit consent before it runs out.', suppressed: 'Unsubscribed, bounced or invalid', suppressedHelp: 'Never mailed. They stay on the suppression list.',
    all: 'Show all', selectGroup: 'Select all in this group', nothing: 'Nothing here — well done.',
  },
  export: {
    title: 'Export a send-ready list', intro: 'Only contacts that may be mailed on the chosen date are included.', profile: 'E-mail tool', run: 'Export',
    profiles: {
      mailchimp: 'Mailchimp — audience import columns', hubspot: "HubSpot — with the legal basis for processing", brevo: 'Brevo — EMAIL, FIRSTNAME, LASTNAME',
      listmonk: 'listmonk — consent details in attributes', generic: 'Generic CSV — every field plus consent columns',
    },
    included_one: '1 contact included', included_other: '{{count}} contacts included', excluded: '{{count}} left out', list: 'Send-ready list', suppression: 'Suppression list', report: 'Report of who was left out and why',
  },
  settings: {
    title: 'Settings', brand: 'Your brand', brandHelp: 'Consent given to another brand does not count for yours.', policy: 'Consent policy', language: 'Language', database: 'Workspace file',
    saved: 'Saved. Every contact was re-evaluated.', policies: {
      default: 'Opt-in (default): verifiable opt-in; purchases count two years.', casl: 'CASL (Canada): express consent never expires; implied consent 2 years, inquiries 6 months.',
      'eu-soft-opt-in': 'EU/EEA soft opt-in (Norway § 15): explicit consent, except recent customers.',
    },
  },
};

export type Messages = typeof en;
