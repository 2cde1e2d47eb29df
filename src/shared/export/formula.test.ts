import { describe, expect, it } from 'vitest';
import { checkEmail } from '../email/check.ts';
import { isInertAddress, isInertPhone, neutralizeFormula, startsFormula } from './formula.ts';

describe('startsFormula / neutralizeFormula (text cells)', () => {
  it.each([
    ['=HYPERLINK("http://evil","click")', true],
    ['+47 22 33 44 55', true],
    ['-2+3', true],
    ['@SUM(A1)', true],
    ['\t=1', true],
    ['\r=1', true],
    ['\n=1', true],
    ['=1\n=2', true], // multi-line: papaparse's escapeFormulae misses these
    ['\uFF1D1+1', true], // full-width ＝
    ['\uFF0B1', true], // ＋
    ['\uFF0D1', true], // －
    ['\uFF20SUM(A1)', true], // ＠
    [' =1+1', true], // a space before the trigger
    ['\u00A0=1+1', true],
    ['\u3000＝1', true],
    ['Ola\n=HYPERLINK("x")', false], // a trigger after a line break is not the cell's first character
    ['ola@nordmann.no', false],
    ['Ødegård', false],
    ['   ', false],
    ['', false],
  ])('%j → %s', (cell, formula) => {
    expect(startsFormula(cell)).toBe(formula);
    expect(neutralizeFormula(cell)).toBe(formula ? `'${cell}` : cell);
  });
});

describe('isInertAddress: a valid address written exactly that no spreadsheet runs', () => {
  it.each([
    ['ola@example.no', true],
    ['-ola@example.no', true],
    ['+kari@example.no', true],
    ['-ola.nordmann@example.no', true],
    ['+47@example.no', true],
    ['-x_@example.no', true],
    ['-ødegård@example.no', true],
    ['=ola@example.no', false], // LibreOffice makes a formula cell (an error) of any "=" cell
    ['-ola-@example.no', false], // -ola - @example.no: @ as Excel 365's prefix operator
    ['+a+@example.no', false],
    ['-a*@example.no', false],
    ['-a/@example.no', false],
    ['-a^@example.no', false],
    ['-a&@example.no', false],
    ['-a=@example.no', false],
    ['-a%@example.no', false],
    ['-a{@example.no', false],
    ["-cmd|'/Ccalc'!A0@example.no", false], // DDE
    ['-a!b@example.no', false],
    ["+o'brien@example.no", false],
    ["o'brien@example.no", true], // no trigger first: text
    ['a-@example.no', true],
  ])('%s → %s', (address, inert) => {
    expect(checkEmail(address).valid).toBe(true);
    expect(isInertAddress(address)).toBe(inert);
  });
});

describe('isInertPhone: a phone number written exactly', () => {
  it.each([
    ['+47 912 34 567', true],
    ['+4791234567', true],
    ['-47 (0) 22.33/44-55', true],
    ['(+47) 912 34 567', true],
    ['912 34 567 (mobil)', true], // no trigger first: text
    ['', true],
    ['+47 912 34 567 (mobil)', false], // a letter: a name a spreadsheet could look up
    ['=HYPERLINK("http://x")', false],
    ['=47', false],
    ['@47', false],
    ['\t+47 912', false], // only digits, spaces and + ( ) - . / are proven
    ['\t=47', false],
    ['＋47 912 34 567', false],
  ])('%j → %s', (phone, inert) => {
    expect(isInertPhone(phone)).toBe(inert);
  });
});
