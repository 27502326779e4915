import { toCsv } from './csv-table';

describe(toCsv.name, () => {
  it('writes every column any row has, quoting text, JSON for objects and empty for null', () => {
    expect(
      toCsv([
        { id: 1, name: '李 "雷"' },
        { id: 2, tags: ['a'], name: null },
      ]),
    ).toBe('"id","name","tags"\r\n"1","李 ""雷""",\r\n"2",,"[""a""]"\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv([{ phone: '+8613700001111', note: '=HYPERLINK("x")' }])).toBe(
      '"phone","note"\r\n"\'+8613700001111","\'=HYPERLINK(""x"")"\r\n',
    );
  });
});
