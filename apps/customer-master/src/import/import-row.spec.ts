import { withCheckDigit } from '@crm/core';
import { CsvRow } from './import-columns';
import { rowProblem, toImportRow } from './import-row';

function row(cells: CsvRow['cells']): CsvRow {
  return { line: 2, cells: { name: '刘一', ...cells } };
}

const draft = 'LSVAU2180N2000001';
const VIN = withCheckDigit(draft);

describe('rowProblem', () => {
  it('accepts a row with a phone in any common format and a vehicle', () => {
    expect(
      rowProblem(row({ phone: '+86 138-0013-8000', vin: VIN, brand: 'Aurora', model: 'A6' })),
    ).toBeNull();
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
  ])('rejects %j for its %s', (cells, field) => {
    expect(rowProblem(row(cells))?.field).toBe(field);
  });
});

describe('toImportRow', () => {
  it('normalizes the phone, email and VIN the way registration stores them', () => {
    const imported = toImportRow(
      row({ phone: '138 0013 8000', email: 'Liu@Example.com', vin: VIN.toLowerCase() }),
    );
    expect(imported.customer).toMatchObject({
      kind: 'person',
      phones: ['+8613800138000'],
      emails: ['liu@example.com'],
    });
    expect(imported.vehicle?.vin).toBe(VIN);
  });
});
