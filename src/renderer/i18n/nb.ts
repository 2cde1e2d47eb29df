// Norsk bokmål: the frame, statuses and source kinds; the rest falls back to English.

export const nb = {
  app: { tagline: 'Kontaktlister med samtykke først', asOf: 'Per dato', policy: 'Regelverk', brand: 'Merkevare', noBrand: 'ingen merkevare satt' },
  nav: { contacts: 'Kontakter', import: 'Importer', review: 'Gjennomgå', export: 'Eksporter', settings: 'Innstillinger' },
  common: { cancel: 'Avbryt', close: 'Lukk', save: 'Lagre', loading: 'Laster…', today: 'I dag', download: 'Last ned' },
  status: {
    explicit: 'Eksplisitt samtykke', implicit: 'Implisitt samtykke', 'needs-reconfirmation': 'Må bekreftes på nytt', 'not-permitted': 'Ikke tillatt',
    unsubscribed: 'Avmeldt', bounced: 'Sprettet', invalid: 'Ugyldig adresse',
  },
  source: {
    group: { acceptable: 'Akseptabel', 'not-acceptable': 'Uakseptabel (tredjepart)', 'needs-verification': 'Må verifiseres', none: 'Ingen kilde' },
    'web-form': 'Nettskjema', 'newsletter-signup': 'Påmelding til nyhetsbrev', purchase: 'Kjøp', contract: 'Kontrakt', donation: 'Donasjon', volunteer: 'Frivillig',
    membership: 'Medlemskap', 'ad-conversion': 'Annonsekonvertering', 'event-booth': 'Stand på messe', 'business-card': 'Visittkort', 'purchased-list': 'Kjøpt eller leid liste',
    'member-list': 'Medlems- eller organisasjonsliste', 'previous-company': 'Fra tidligere selskap', 'other-brand-form': 'Skjema hos en annen merkevare',
    'lead-vendor': 'Leadleverandør', 'direct-email': 'De skrev til oss direkte', 'event-attendee-list': 'Deltakerliste fra arrangør', personal: 'Venner, familie, tidligere kolleger',
    'employee-list': 'Ansattliste fra arbeidsgiver', acquisition: 'Fusjon eller oppkjøp', 'met-in-person': 'Møtt personlig (muntlig)', unknown: 'Ukjent',
  },
  contacts: { title: 'Kontakter', empty: 'Ingen kontakter ennå', emptyHint: 'Importer en liste for å komme i gang.', goImport: 'Importer en liste' },
  settings: { title: 'Innstillinger', language: 'Språk' },
};
