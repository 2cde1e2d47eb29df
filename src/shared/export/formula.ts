// Which cells a spreadsheet would run as a formula, and which cells must never be changed to
// stop it. Pure, shared by the export writer, the import's row warnings and the tests.
//
// Excel, LibreOffice Calc and Google Sheets decide from a cell's FIRST character only: a
// cell that starts with = + - @ (or a tab, CR or LF before one, or the full-width forms
// ＝＋－＠ that an IME types) goes to the formula parser; a trigger after a line break inside
// a cell does not (the cell already started as text). Text cells (names, company, tags,
// reasons, raw rows) that start so are neutralized with an apostrophe, as OWASP advises.
//
// The cells an e-mail tool matches on — the address, the phone number — are never altered: a
// changed address is another person, and an unsubscribed "-ola@example.no" written as
// "'-ola@example.no" would not be suppressed. They are written exactly, and this file proves
// which of them no spreadsheet can run:
//
//  - A phone number made only of digits, spaces and + ( ) - . / has no letter, so it can
//    hold no function name, cell reference, sheet or DDE link: at most a spreadsheet does
//    arithmetic on number literals ("+4791234567" shows as a number; "+47 912 34 567" does
//    not even compile in LibreOffice, Err:509, and Excel's space operator takes references,
//    not numbers). It reaches nothing.
//  - A valid address (src/shared/email/check.ts) has no space, parenthesis, quote mark,
//    comma, colon, semicolon or bracket, and exactly one @ with something before it. In no
//    spreadsheet grammar is @ an infix or postfix operator or part of a name, number or
//    reference token (Excel 365 has @ only as a prefix operator, implicit intersection;
//    LibreOffice and Sheets have no @ operator). So an address that starts with + or - and
//    whose @ follows a letter, mark, digit or _ ("-ola@example.no", "+kari@example.no")
//    cannot parse as a formula: nothing runs. Checked with LibreOffice 7.4 (test/
//    spreadsheet.test.ts): opening the files with "evaluate formulas" on, it keeps every such
//    cell as text (it makes a formula only of a cell that starts with "="), and its compiler
//    refuses each of them even with "=" put in front (Err:509, missing operator). Excel and
//    Google Sheets could not be run here: for them this rests on their grammar (whether each
//    then shows the text or a parse error was not seen; a formula that does not parse runs
//    nothing).
//  - Not proven, so flagged: an address that starts with "=" (LibreOffice makes
//    "=ola@example.no" a formula cell showing an error, and Excel parses "=" cells too),
//    one whose local part ends with an operator (+ - * / ^ & and the like: "-ola-@example.no"
//    reads as -ola - @example.no, which Excel 365 can parse), or one that holds | ! or '
//    (Excel's DDE "cmd|'…'!A0" and sheet references, which could reach outside the sheet).
//    Such an address cannot be both exact and safe: the import flags it (warning
//    'formula-address'), the export leaves it out of the send-ready file with the reason in
//    the report, and the suppression list and the report still carry it exactly — stopping
//    mail to a person who unsubscribed comes first, and a changed address would not.

/** Characters that, first in a cell, make a spreadsheet parse it as a formula. */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
/** Whitespace a spreadsheet may skip before a trigger (a cell " =1+1" is guarded too). */
const LEADING_SPACE = /^[ \t\r\n\u00A0\u3000]+/;

/** True when a spreadsheet would hand the cell to its formula parser. */
export function startsFormula(cell: string): boolean {
  if (cell.length === 0) return false;
  const first = cell[0]!;
  if (TRIGGERS.has(first)) return true;
  if (first !== ' ' && first !== '\u00A0' && first !== '\u3000') return false; // the common case: no regex per cell
  const skipped = LEADING_SPACE.exec(cell);
  return skipped !== null && skipped[0].length < cell.length && TRIGGERS.has(cell[skipped[0].length]!);
}

/** A text cell a spreadsheet would run, prefixed with an apostrophe (OWASP CSV injection). */
export function neutralizeFormula(cell: string): string {
  return startsFormula(cell) ? `'${cell}` : cell;
}

const PHONE = /^[0-9 +()\-./]*$/;

/** A phone number that may be written exactly: it starts with no trigger, or holds no letter (see above). */
export function isInertPhone(phone: string): boolean {
  return !startsFormula(phone) || PHONE.test(phone);
}

/** Ends an operand, so an @ right after it cannot parse. */
const OPERAND_END = /^[\p{L}\p{M}\p{N}_]$/u;
const REACHES_OUT = /[|!']/;

/**
 * A valid address that may be written exactly: no spreadsheet can run it (see above).
 * Meant for addresses checkEmail() accepts; anything else is judged as text.
 */
export function isInertAddress(address: string): boolean {
  if (!startsFormula(address)) return true;
  if (address[0] !== '+' && address[0] !== '-') return false;
  const at = address.lastIndexOf('@');
  if (at <= 1) return false;
  const local = address.slice(0, at);
  return OPERAND_END.test([...local].at(-1) ?? '') && !REACHES_OUT.test(local);
}
