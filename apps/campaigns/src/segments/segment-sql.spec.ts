import { compileSegmentRule, monthInShanghai } from './segment-sql';
import { parseSegmentRule } from './segment-rule';

describe('compileSegmentRule', () => {
  it('binds every value as a parameter, in order, and never writes one into the text', () => {
    const rule = parseSegmentRule({
      any: [
        { field: 'city', in: ["上海市'; DROP TABLE campaigns.segment; --"] },
        {
          all: [
            { field: 'consent', channel: 'email' },
            { field: 'birthdayMonth', month: 'current' },
          ],
        },
        { field: 'purchaseDate', from: '2024-01-01' },
      ],
    });
    const sql = compileSegmentRule(rule, { currentMonth: 7, now: new Date() });
    expect(sql.params).toEqual([["上海市'; DROP TABLE campaigns.segment; --"], 'email', 7, '2024-01-01']);
    expect(sql.where).not.toContain('上海市');
    expect(sql.where).not.toContain('email');
    expect(sql.where).not.toContain('2024');
    expect(sql.where).toMatch(
      /^\(c\.city = ANY\(\$1::text\[\]\) OR \(c\.consented_channels @> ARRAY\[\$2::text\] AND c\.birth_month = \$3::smallint\) OR c\.purchase_dates/s,
    );
  });
});

describe('compileSegmentRule on owned vehicles (ADR 0060)', () => {
  const compile = (rule: unknown) =>
    compileSegmentRule(parseSegmentRule(rule), { currentMonth: 11, now: new Date() });

  it('reads the owned models kept on the customer row', () => {
    const sql = compile({ field: 'ownedModel', in: ['Aurora S7', 'Nova E3'] });
    expect(sql).toEqual({ where: 'c.owned_models && $1::text[]', params: [['Aurora S7', 'Nova E3']] });
  });

  it('overlaps the purchase days with the days of the range, both ends included', () => {
    const sql = compile({ field: 'purchaseDate', from: '2023-01-01', to: '2024-12-31' });
    expect(sql).toEqual({
      where: `c.purchase_dates && daterange($1::date, $2::date, '[]')`,
      params: ['2023-01-01', '2024-12-31'],
    });
  });

  it('leaves the range open where from or to is absent', () => {
    expect(compile({ field: 'purchaseDate', to: '2023-01-01' })).toEqual({
      where: `c.purchase_dates && daterange(NULL, $1::date, '[]')`,
      params: ['2023-01-01'],
    });
    expect(compile({ field: 'purchaseDate', from: '2023-01-01' }).where).toBe(
      `c.purchase_dates && daterange($1::date, NULL, '[]')`,
    );
  });

  it('keeps the two rules independent: each may be met by a different vehicle', () => {
    const sql = compile({
      all: [
        { field: 'ownedModel', in: ['Aurora S7'] },
        { field: 'purchaseDate', from: '2023-01-01' },
      ],
    });
    expect(sql.where).toBe(
      `(c.owned_models && $1::text[] AND c.purchase_dates && daterange($2::date, NULL, '[]'))`,
    );
  });
});

describe('compileSegmentRule on orders and service history', () => {
  it('binds days, models, months and scores, and the moment of evaluation, as parameters', () => {
    const now = new Date('2026-11-30T12:00:00.000Z');
    const rule = parseSegmentRule({
      all: [
        { field: 'orderedModel', in: ['Aurora S7'], from: '2026-01-01', to: '2026-06-30' },
        { field: 'monthsSinceService', min: 6, max: 12 },
        { field: 'satisfaction', min: 4 },
      ],
    });
    const sql = compileSegmentRule(rule, { currentMonth: 11, now });
    expect(sql.params).toEqual([
      ['Aurora S7'],
      '2026-01-01',
      '2026-06-30',
      now.toISOString(),
      6,
      now.toISOString(),
      13,
      4,
    ]);
    expect(sql.where).not.toMatch(/Aurora|2026|13/);
    expect(sql.where).toContain(
      `o.placed_at < (($3::date + 1)::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    );
  });
});

describe('compileSegmentRule on value tiers', () => {
  it('binds the tiers and reads the tier replica', () => {
    const rule = parseSegmentRule({ field: 'valueTier', in: ['platinum', 'gold'] });
    const sql = compileSegmentRule(rule, { currentMonth: 11, now: new Date() });
    expect(sql.params).toEqual([['platinum', 'gold']]);
    expect(sql.where).toBe(
      'EXISTS (SELECT 1 FROM campaigns.customer_value_tier t WHERE t.customer_id = c.id AND t.tier = ANY($1::text[]))',
    );
  });

  it('refuses a tier outside the pyramid, naming it', () => {
    expect(() => parseSegmentRule({ all: [{ field: 'valueTier', in: ['diamond'] }] })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'rule.all[0].in[0]' })] }),
    );
  });
});

describe('compileSegmentRule on browsing profiles (customers who browse alike)', () => {
  it('binds the models and categories and reads the browsing profile replica', () => {
    const rule = parseSegmentRule({
      any: [
        { field: 'browsedModel', in: ['Aurora S7'] },
        { field: 'browsingInterest', in: ['financing'] },
      ],
    });
    const sql = compileSegmentRule(rule, { currentMonth: 11, now: new Date() });
    expect(sql.params).toEqual([['Aurora S7'], ['financing']]);
    expect(sql.where).toBe(
      '(EXISTS (SELECT 1 FROM campaigns.browsing_profile b WHERE b.customer_id = c.id AND b.models && $1::text[])' +
        ' OR EXISTS (SELECT 1 FROM campaigns.browsing_profile b WHERE b.customer_id = c.id AND b.interests && $2::text[]))',
    );
  });

  it('refuses a category that is no page category, and an empty model list, naming them', () => {
    expect(() =>
      parseSegmentRule({
        all: [
          { field: 'browsingInterest', in: ['Financing!'] },
          { field: 'browsedModel', in: [] },
        ],
      }),
    ).toThrow(
      expect.objectContaining({
        errors: [
          expect.objectContaining({ field: 'rule.all[0].in[0]' }),
          expect.objectContaining({ field: 'rule.all[1].in' }),
        ],
      }),
    );
  });
});

describe('monthInShanghai', () => {
  it('takes the month in China, eight hours ahead of UTC', () => {
    expect(monthInShanghai(new Date('2026-03-31T16:30:00Z'))).toBe(4);
    expect(monthInShanghai(new Date('2026-03-31T15:30:00Z'))).toBe(3);
  });
});
