import { warrantyState } from './warranty';

describe(warrantyState.name, () => {
  const today = new Date('2026-03-10T15:00:00Z');

  it('is in warranty on its last day', () => {
    expect(warrantyState('2026-03-10', today)).toBe('in-warranty');
  });

  it('is out of warranty the day after', () => {
    expect(warrantyState('2026-03-09', today)).toBe('out-of-warranty');
  });

  it('is unknown without an end date', () => {
    expect(warrantyState(null, today)).toBe('unknown');
  });
});
