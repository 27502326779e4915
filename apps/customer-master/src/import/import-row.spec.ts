import { withCheckDigit } from '@crm/core';
import { CsvRow } from './import-columns';
import { checkRow } from './import-row';

function row(cells: CsvRow['cells']): CsvRow {
  return { line: 2, cells: { name: '刘一', ...cells } };
}

const draft = 'LSVAU2180N2000001';
const VIN = withCheckDigit(draft);

describe(checkRow.name, () => {
  it('accepts a row with a phone in any common format and a vehicle', () => {
    expect(checkRow(row({ phone: '+86 138-0013-8000', vin: VIN, brand: 'Aurora', model: 'A6' }))).toEqual({
      row: expect.objectContaining({ line: 2 }),
    });
  });

  it.each([
    [{ name: undefined }, 'name'],
    [{ phone: '12345' }, 'phone'],
    [{ email: 'not-an-email' }, 'email'],
    [{ birthday: '2023-02-30' }, 'birthday'],
    [{ gender: 'robot' }, 'gender'],
    [{ vin: VIN.slice(0, 8) + (VIN[8] === '1' ? '2' : '1') + VIN.slice(9), brand: 'A', model: 'B' }, 'vin'],
    [{ brand: 'Aurora' }, 'vin'],
    [{ vin: VIN, brand: 'Aurora' }, 'model'],
    [{ vin: VIN, brand: 'Aurora', model: 'A6', model_year: '22' }, 'model_year'],
    [{ city: 'x'.repeat(201), phone: '12345' }, 'city'],
  ])('rejects %j for its %s', (cells, field) => {
    const checked = checkRow(row(cells));
    expect('problem' in checked && checked.problem.field).toBe(field);
  });

  it('normalizes the phone, email and VIN the way registration stores them', () => {
    const checked = checkRow(
      row({
        phone: '138 0013 8000',
        email: 'Liu@Example.com',
        vin: VIN.toLowerCase(),
        brand: 'A',
        model: 'B',
      }),
    );
    if (!('row' in checked)) throw new Error(`refused: ${JSON.stringify(checked)}`);
    expect(checked.row.customer).toMatchObject({
      kind: 'person',
      phones: ['+8613800138000'],
      emails: ['liu@example.com'],
    });
    expect(checked.row.vehicle?.vin).toBe(VIN);
  });
});
