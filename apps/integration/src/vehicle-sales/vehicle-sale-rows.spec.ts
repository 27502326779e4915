import { ConflictError, InvalidInputError, withCheckDigit } from '@crm/core';
import { batchRows, MAX_BATCH_ROWS, parseRow, problemsOf } from './vehicle-sale-rows';

const row = {
  externalId: 'S-1',
  vin: withCheckDigit('LSVAU2180N2123456'),
  model: 'A6 Sedan',
  buyer: { name: '王芳', externalCustomerId: 'C-1' },
  soldOn: '2026-06-18',
};

describe('batchRows', () => {
  it('takes a JSON array of 1 to the maximum rows and refuses anything else naming the body', () => {
    expect(batchRows([row])).toEqual([row]);
    for (const body of [{ rows: [row] }, [], new Array(MAX_BATCH_ROWS + 1).fill(row)])
      expect(() => batchRows(body)).toThrow(InvalidInputError);
  });
});

describe('parseRow', () => {
  it('answers a valid row', () => {
    expect(parseRow(row)).toEqual({ row: expect.objectContaining({ externalId: 'S-1' }) });
  });

  it('names every bad field, nested ones dotted', () => {
    const parsed = parseRow({
      ...row,
      vin: 'LSVAU2180N2123450',
      soldOn: '2026-02-30',
      buyer: { name: '' },
      extra: 1,
    });
    expect('problems' in parsed && [...new Set(parsed.problems.map((p) => p.field))].sort()).toEqual(
      ['buyer.externalCustomerId', 'buyer.name', 'extra', 'soldOn', 'vin'].sort(),
    );
  });

  it('refuses a row that is not an object', () => {
    expect(parseRow([row])).toEqual({ problems: [{ field: 'row', reason: 'must be an object' }] });
  });
});

describe('problemsOf', () => {
  it("reports an error's fields, or the field it names, or the row", () => {
    expect(problemsOf(new InvalidInputError([{ field: 'vin', message: 'bad' }]))).toEqual([
      { field: 'vin', reason: 'bad' },
    ]);
    expect(problemsOf(new ConflictError('ambiguous', { field: 'buyer' }))).toEqual([
      { field: 'buyer', reason: 'ambiguous' },
    ]);
    expect(problemsOf(new ConflictError('no field'))).toEqual([{ field: 'row', reason: 'no field' }]);
  });
});
