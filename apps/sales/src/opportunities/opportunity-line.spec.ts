import { OpportunityLine, amountOfLines, lineTotal } from './opportunity-line';

const line = (quantity: number, unitPrice: number, discount: number, currency = 'CNY'): OpportunityLine => ({
  id: 'l',
  opportunityId: 'o',
  trimId: 't',
  trimName: 'LR',
  modelId: 'm',
  modelName: 'S7',
  quantity,
  unitPrice: { amount: unitPrice, currency },
  discount,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('opportunity line totals', () => {
  it('takes the discount off the whole line, to the cent', () => {
    expect(lineTotal(line(3, 0.1, 0.05))).toBe(0.25);
  });

  it('sums the lines into the opportunity amount, and has none without lines', () => {
    expect(amountOfLines([line(2, 199_900, 10_000), line(1, 5_000.5, 0)])).toEqual({
      amount: 394_800.5,
      currency: 'CNY',
    });
    expect(amountOfLines([])).toBeNull();
  });

  it('refuses to sum lines in different currencies', () => {
    expect(() => amountOfLines([line(1, 1, 0), line(1, 1, 0, 'EUR')])).toThrow();
  });
});
