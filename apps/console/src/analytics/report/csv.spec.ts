import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv';

interface Row {
  name: string;
  amount: number | null;
}
const columns = [
  { title: '名称', value: (row: Row) => row.name },
  { title: 'amount', value: (row: Row) => row.amount },
];

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and ends each line with CRLF', () => {
    const csv = toCsv(columns, [{ name: '张伟', amount: 1 }]);
    expect(csv.startsWith('\uFEFF名称,amount\r\n')).toBe(true);
    expect(csv.endsWith('张伟,1\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    const csv = toCsv(columns, [{ name: 'a,"b"\nc', amount: null }]);
    expect(csv.split('\r\n')[1]).toBe('"a,""b""\nc",');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    const csv = toCsv(columns, [{ name: '=1+1', amount: -3 }]);
    expect(csv.split('\r\n')[1]).toBe("'=1+1,-3");
  });
});
