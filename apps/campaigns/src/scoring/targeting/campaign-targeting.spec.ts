import { InvalidInputError } from '@crm/core';
import { parseTargeting } from './campaign-targeting';

const fieldsOf = (value: unknown) => {
  try {
    parseTargeting(value, 'retention');
  } catch (error) {
    return (error as InvalidInputError).errors.map((e) => e.field);
  }
  return [];
};

describe(parseTargeting.name, () => {
  it("takes the campaign's objective unless another is named", () => {
    expect(parseTargeting({ topN: 5 }, 'retention')).toEqual({ objective: 'retention', topN: 5 });
    expect(parseTargeting({ objective: 'accessories', minScore: 40, topN: 5 }, 'retention')).toEqual({
      objective: 'accessories',
      minScore: 40,
      topN: 5,
    });
  });

  it('names each bad field', () => {
    expect(fieldsOf({ minScore: 101 })).toEqual(['targeting.minScore']);
    expect(fieldsOf({ topN: 1.5 })).toEqual(['targeting.topN']);
    expect(fieldsOf({ objective: 'newsletter', topN: 1 })).toEqual(['targeting.objective']);
    expect(fieldsOf({ topN: 1, top: 2 })).toEqual(['targeting.top']);
    expect(fieldsOf({})).toEqual(['targeting']);
    expect(fieldsOf([1])).toEqual(['targeting']);
  });
});
