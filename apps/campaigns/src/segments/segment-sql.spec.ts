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
      /^\(c\.city = ANY\(\$1::text\[\]\) OR \(EXISTS .* AND c\.birth_month = \$3::smallint\) OR EXISTS/s,
    );
  });
});

describe('monthInShanghai', () => {
  it('takes the month in China, eight hours ahead of UTC', () => {
    expect(monthInShanghai(new Date('2026-03-31T16:30:00Z'))).toBe(4);
    expect(monthInShanghai(new Date('2026-03-31T15:30:00Z'))).toBe(3);
  });
});
