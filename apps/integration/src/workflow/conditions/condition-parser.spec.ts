import { FieldError } from '@crm/core';
import { parseCondition } from './condition-parser';

function parse(value: unknown, eventType = 'ticket.routed') {
  const errors: FieldError[] = [];
  return { condition: parseCondition(value, eventType, 'condition', errors), errors };
}

describe(parseCondition.name, () => {
  it('accepts fields of the payload schema, nested and nullable ones included', () => {
    const { condition, errors } = parse({
      any: [
        { field: 'severity', op: 'in', value: ['high', 'critical'] },
        { field: 'location.lat', op: 'gt', value: 30 },
        { not: { field: 'candidates', op: 'exists' } },
      ],
    });
    expect(errors).toEqual([]);
    expect(condition).not.toBeNull();
  });

  it('names each field the event does not have and each bad node by its path', () => {
    const { condition, errors } = parse({
      all: [
        { field: 'severity', op: 'in', value: 'critical' },
        { field: 'colour', op: 'eq', value: 'red' },
        { field: 'severity', op: 'like', value: 'x' },
      ],
    });
    expect(condition).toBeNull();
    expect(errors.map((error) => error.field)).toEqual([
      'condition.all[0].value',
      'condition.all[1].field',
      'condition.all[2].op',
    ]);
    expect(errors[1].message).toBe('ticket.routed has no field colour');
  });

  it('refuses trees deeper than five levels', () => {
    const deep = { not: { not: { not: { not: { not: { field: 'severity', op: 'exists' } } } } } };
    expect(parse(deep).errors).toEqual([
      { field: 'condition.not.not.not.not', message: 'conditions nest at most 5 levels' },
    ]);
  });
});
