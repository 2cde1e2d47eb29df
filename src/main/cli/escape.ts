// Text from imported files (names, addresses, file names, header cells in an error) never
// reaches a terminal raw: an ESC sequence could clear the screen, move the cursor or set the
// window title, a C1 control (U+009B is CSI) does the same in some terminals, and a bidi
// override (U+202E) shows text in another order than it has — "gpj.exe" as "exe.jpg". Each
// such character is shown as a visible escape instead: \x1b, \x9b, \u202e; tab, CR and LF
// inside a table cell as \t, \r, \n. A backslash is left as it is (Windows paths stay
// readable), so a name typed with a literal "\x1b" looks like an escaped one: that is
// harmless, the terminal receives only printable text.

/** C0 and C1 controls, DEL, bidi marks, embeddings, overrides and isolates, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- control characters are what this file finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same without LF: the CLI's own line breaks in a message. */
// eslint-disable-next-line no-control-regex -- control characters are what this file finds
const UNSAFE_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw (it escapes C0 itself; the pretty-printer's own line breaks stay). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(character: string): string {
  const named = NAMED[character];
  if (named !== undefined) return named;
  const code = character.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value for one line (a table cell): every unsafe character escaped, line breaks too. */
export function escapeInline(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** Output for the terminal: every unsafe character escaped except the line breaks between lines. */
export function escapeOutput(text: string): string {
  return text.replace(UNSAFE_BUT_LF, escapeOne);
}

/** JSON text with the characters JSON.stringify leaves raw (DEL, C1, bidi, U+2028/9) as \u escapes: the same JSON value. */
export function escapeJson(jsonText: string): string {
  return jsonText.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A table cell escaped and cut to at most `width` characters: a cut one ends with "…" and
 * never splits an escape (a "\x1" would read as something else).
 */
export function fitCell(text: string, width: number): string {
  const escaped = escapeInline(text);
  if (escaped.length <= width) return escaped;
  let out = '';
  for (const character of text) {
    const unit = character.length === 1 ? escapeInline(character) : character;
    if (out.length + unit.length > width - 1) break;
    out += unit;
  }
  return `${out}…`;
}
