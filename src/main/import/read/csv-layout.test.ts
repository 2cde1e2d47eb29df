import { describe, expect, it } from 'vitest';
import { detectCsvLayout } from './csv-layout.ts';

describe('detectCsvLayout', () => {
  it.each([
    ['comma', 'email,name\na@x.no,A\nb@x.no,B\n', ','],
    ['semicolon (Norwegian Excel), commas inside names', 'Navn;E-post;Firma\nNordmann, Ola;ola@x.no;Bakeriet, Oslo\nHansen, Kari;kari@x.no;Eiendom, Trondheim\n', ';'],
    ['tab', 'Name\tEmail\nNordmann, Ola\tola@x.no\n', '\t'],
    ['pipe', 'email|name|note\na@x.no|A|x, y; z\n', '|'],
    ['comma, with semicolons only inside quotes', 'email,note\na@x.no,"a;b;c"\nb@x.no,"d;e;f"\n', ','],
  ])('%s', (_name, sample, delimiter) => {
    expect(detectCsvLayout(sample, true)).toEqual({ delimiter, headerLine: 1 });
  });

  it('skips a narrow preamble (LinkedIn) with a quoted paragraph full of commas', () => {
    const sample = 'Notes:\n"When exporting, you may notice, that some are missing."\n\nFirst Name,Last Name,Email Address\nOla,Nordmann,ola@x.no\n';
    expect(detectCsvLayout(sample, true)).toEqual({ delimiter: ',', headerLine: 4 });
  });

  it('skips a report title and a two-field "generated" line before a wide header', () => {
    const sample = 'Attendee report\nGenerated,2024-03-05\nOrder #,First Name,Last Name,Email,Ticket\n1,Ola,N,ola@x.no,VIP\n2,Kari,H,kari@x.no,GA\n';
    expect(detectCsvLayout(sample, true)).toEqual({ delimiter: ',', headerLine: 3 });
  });

  it("takes Excel's sep= line as the delimiter, the header after it", () => {
    expect(detectCsvLayout('sep=;\r\nemail;name\r\na@x.no;A\r\n', true)).toEqual({ delimiter: ';', headerLine: 2 });
  });

  it('keeps the first line as the header when rows are ragged, rather than call it a preamble', () => {
    expect(detectCsvLayout('email,name,company,phone\na@x.no,A\nb@x.no,B,C\n', true)).toEqual({ delimiter: ',', headerLine: 1 });
  });

  it('a single column is a comma file with one field', () => {
    expect(detectCsvLayout('email\na@x.no\nb@x.no\n', true)).toEqual({ delimiter: ',', headerLine: 1 });
  });

  it('uses the delimiter the user chose', () => {
    expect(detectCsvLayout('a,b;c\n1,2;3\n', true, ';')).toEqual({ delimiter: ';', headerLine: 1 });
  });

  it('ignores a cut-off last line of an incomplete sample', () => {
    expect(detectCsvLayout('email;name\na@x.no;A\nb@x.no;B\n"c@x.no;C, and a quote that the sample cuts', false)).toEqual({ delimiter: ';', headerLine: 1 });
  });
});
