// The lines of an export's three files — send-ready, suppression list, report — and what
// happens to an address or phone number that cannot be both exact and safe in a spreadsheet
// (the rule and its reasons are in formula.ts):
//  - an address is never altered: the send-ready file leaves out one a spreadsheet might run
//    (its report line says why); the suppression list and the report carry it exactly, since
//    an unsubscribed person must be matched by the e-mail tool, and a changed address is
//    somebody else (the import flagged it already, warning 'formula-address');
//  - a phone number is never altered either: one that starts like a formula and holds more
//    than digits, spaces and + ( ) - . / is left out of the send-ready row (the contact is
//    still included; a report line says so);
//  - every other cell is text and neutralized.
// An address that is not valid (a stored contact whose address fails the checks: status
// 'invalid') is not one an e-mail tool can match: it is text, neutralized like a name.

import { checkEmail } from '../email/check.ts';
import { csvLine, exact, type Cell } from './csv.ts';
import { isInertAddress, isInertPhone, startsFormula } from './formula.ts';
import type { ExportContact, ExportProfile } from './profiles.ts';

export const SUPPRESSION_HEADER: readonly string[] = ['email', 'status', 'reason'];
export const REPORT_HEADER: readonly string[] = ['email', 'status', 'reasons', 'why'];

/** The report's reason codes for what the formula guard left out. */
export const ADDRESS_LEFT_OUT = 'formula-address';
export const PHONE_LEFT_OUT = 'formula-phone';

/** An address cell: exact when the address is valid (whatever its first character), else neutralized text. */
function addressCell(email: string): Cell {
  return startsFormula(email) && !checkEmail(email).valid ? email : exact(email);
}

/** A valid address no spreadsheet runs, so the send-ready file may carry it. */
export function sendReadyAddress(email: string): boolean {
  return !startsFormula(email) || (checkEmail(email).valid && isInertAddress(email));
}

export type SendReadyLine =
  /** The contact's line; phoneLeftOut is the phone number not written, if any. */
  | { line: string; phoneLeftOut: string | null }
  /** The address cannot be both exact and safe: the contact is left out (reportAddressLeftOut). */
  | { line: null; phoneLeftOut: null };

export function sendReadyLine(profile: ExportProfile, contact: ExportContact): SendReadyLine {
  if (!sendReadyAddress(contact.email)) return { line: null, phoneLeftOut: null };
  const phoneLeftOut = profile.phone && !isInertPhone(contact.phone) ? contact.phone : null;
  return { line: csvLine(profile.row(phoneLeftOut === null ? contact : { ...contact, phone: '' })), phoneLeftOut };
}

export function suppressionLine(email: string, status: string, reason: string): string {
  return csvLine([addressCell(email), status, reason]);
}

export function reportLine(email: string, status: string, reasons: readonly string[], why: string): string {
  return csvLine([addressCell(email), status, reasons.join(' '), why]);
}

/** The report line of a mailable contact left out because its address cannot be both exact and safe. */
export function reportAddressLeftOut(email: string, status: string): string {
  return reportLine(
    email,
    status,
    [ADDRESS_LEFT_OUT],
    `Left out of the send-ready file although ${status}: the address starts with “${email[0] ?? ''}” and a spreadsheet could run it as a formula, ` +
      'and an address is never written changed. Add it in the e-mail tool by hand if it is right.',
  );
}

/** The report line of a contact included without its phone number. */
export function reportPhoneLeftOut(email: string, status: string, phone: string): string {
  return reportLine(
    email,
    status,
    [PHONE_LEFT_OUT],
    `Included without the phone number “${phone}”: it starts with “${phone.trimStart()[0] ?? ''}” and holds more than digits, spaces and + ( ) - . /, ` +
      'so a spreadsheet could run it as a formula, and a phone number is never written changed.',
  );
}
