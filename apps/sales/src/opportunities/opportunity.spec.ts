import { Opportunity, salesCycleDays } from './opportunity';

const opened = { createdAt: '2026-11-01T09:00:00.000Z' } as Opportunity;

describe(salesCycleDays.name, () => {
  it('counts whole days from opening to closing', () => {
    expect(salesCycleDays(opened, new Date('2026-11-01T23:59:00Z'))).toBe(0);
    expect(salesCycleDays(opened, new Date('2026-11-11T09:00:00Z'))).toBe(10);
  });

  it('never goes below zero when clocks disagree', () => {
    expect(salesCycleDays(opened, new Date('2026-10-31T00:00:00Z'))).toBe(0);
  });
});
