import { Condition, conditionHolds } from './condition';

const payload = {
  severity: 'critical',
  score: 4,
  openedAt: '2026-11-30T08:00:00.000Z',
  tags: ['vip', 'fleet'],
  vehicle: { model: 'i5', vin: null },
};

describe(conditionHolds.name, () => {
  it.each<[string, Condition, boolean]>([
    ['eq', { field: 'severity', op: 'eq', value: 'critical' }, true],
    ['eq on another value', { field: 'severity', op: 'eq', value: 'low' }, false],
    ['ne', { field: 'severity', op: 'ne', value: 'low' }, true],
    ['in', { field: 'severity', op: 'in', value: ['high', 'critical'] }, true],
    ['gt on numbers', { field: 'score', op: 'gt', value: 3 }, true],
    ['lte on numbers', { field: 'score', op: 'lte', value: 3 }, false],
    ['gte on ISO times', { field: 'openedAt', op: 'gte', value: '2026-11-30T00:00:00.000Z' }, true],
    ['gt across kinds', { field: 'score', op: 'gt', value: '3' }, false],
    ['contains in a list', { field: 'tags', op: 'contains', value: 'vip' }, true],
    ['contains in a string', { field: 'vehicle.model', op: 'contains', value: 'i' }, true],
    ['a nested field', { field: 'vehicle.model', op: 'eq', value: 'i5' }, true],
    ['exists on null', { field: 'vehicle.vin', op: 'exists' }, false],
    ['exists false on null', { field: 'vehicle.vin', op: 'exists', value: false }, true],
    ['ne on a missing field', { field: 'vehicle.colour', op: 'ne', value: 'red' }, false],
  ])('%s', (_name, condition, expected) => {
    expect(conditionHolds(condition, payload)).toBe(expected);
  });

  it('combines with all, any and not', () => {
    const critical: Condition = { field: 'severity', op: 'eq', value: 'critical' };
    const low: Condition = { field: 'severity', op: 'eq', value: 'low' };
    expect(conditionHolds({ all: [critical, { not: low }] }, payload)).toBe(true);
    expect(conditionHolds({ all: [critical, low] }, payload)).toBe(false);
    expect(conditionHolds({ any: [low, critical] }, payload)).toBe(true);
    expect(conditionHolds({ not: { any: [low] } }, payload)).toBe(true);
  });
});
