// The XML shape guard: how deep elements nest and how long one text or tag runs, the same
// however the text is cut into chunks.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlShapeError, XmlShapeGuard } from './xlsx-xml-guard.ts';

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="x"><!-- a comment --><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve">a &lt; b</t></r></is></c><c r="C1"/></row>' +
  '<row r="2"><c r="A2"><f>SUM(1,2)</f><v>3</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks></worksheet>';

/** Feeds `chunks` to a new guard; the error's kind, or null. */
function shape(chunks: string[], maxDepth = 8, maxRun = 100): XmlShapeError['kind'] | null {
  const guard = new XmlShapeGuard('xl/worksheets/sheet1.xml', maxDepth, maxRun);
  try {
    for (const chunk of chunks) guard.check(chunk);
    return null;
  } catch (error) {
    if (error instanceof XmlShapeError) return error.kind;
    throw error;
  }
}

/** `text` cut at the given positions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

describe('XML shape guard', () => {
  it.each([
    ['a real sheet (7 levels, self-closing tags, a comment, a declaration)', SHEET, null],
    ['8 levels', `${'<a>'.repeat(8)}${'</a>'.repeat(8)}`, null],
    ['9 levels', `${'<a>'.repeat(9)}${'</a>'.repeat(9)}`, 'depth'],
    ['a thousand self-closing siblings', `<a>${'<b x="1"/>'.repeat(1000)}</a>`, null],
    ['siblings that open and close', `<a>${'<b>t</b>'.repeat(1000)}</a>`, null],
    ['a text of 100 characters', `<t>${'x'.repeat(96)}</t>`, null],
    ['a text of 101 characters', `<t>${'x'.repeat(101)}</t>`, 'run'],
    ['a tag with 200 characters of attributes', `<c ${'a="1" '.repeat(40)}/>`, 'run'],
  ])('%s', (_name, xml, expected) => {
    expect(shape([xml])).toBe(expected);
  });

  it('gives the same answer however the text is cut into chunks', () => {
    const texts = [SHEET, `${'<a>'.repeat(9)}x`, `<t>${'x'.repeat(101)}</t>`, `<a>${'<b/>'.repeat(50)}</a>`, `<a>${'<b>'.repeat(7)}</a>`];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.nat(), { maxLength: 12 }), (text, at) => {
        expect(shape(cut(text, at))).toBe(shape([text]));
      }),
    );
  });

  it('names the part and the limit', () => {
    expect(() => new XmlShapeGuard('xl/sharedStrings.xml', 100, 1000).check('x'.repeat(1001))).toThrow('xl/sharedStrings.xml has an XML text or tag longer than 1000 characters');
  });
});
