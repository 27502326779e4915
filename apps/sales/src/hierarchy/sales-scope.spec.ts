import { Roles } from '@crm/contracts';
import { scopeOf, visibleTo } from './sales-scope';

describe(scopeOf.name, () => {
  it('gives admin everything, a dealer its partner, anyone else their subtree', () => {
    expect(scopeOf({ subject: 'a', roles: [Roles.admin] })).toEqual({ kind: 'all', userId: 'a' });
    expect(scopeOf({ subject: 'd', roles: [Roles.dealer], partnerId: 'p1', partnerKind: 'dealer' })).toEqual({
      kind: 'partner',
      userId: 'd',
      partnerId: 'p1',
    });
    expect(scopeOf({ subject: 'm', roles: [Roles.salesManager] })).toEqual({ kind: 'team', userId: 'm' });
  });

  // The auth guard already refuses such a token (403); should one get this far, it matches no row.
  it('keeps a dealer role without a partner id a partner, never a team member nor everyone', () => {
    expect(scopeOf({ subject: 'd', roles: [Roles.dealer] })).toEqual({
      kind: 'partner',
      userId: 'd',
      partnerId: undefined,
    });
  });
});

describe(visibleTo.name, () => {
  it('appends its parameters after those already taken', () => {
    const params: unknown[] = ['some-id'];
    const condition = visibleTo({ kind: 'team', userId: 'm' }, 'o', params);
    expect(params).toEqual(['some-id', 'm']);
    expect(condition).toContain('o.owner_id IN (WITH RECURSIVE');
    expect(condition).toContain('SELECT $2::text');
  });

  it("widens a team's view to the accounts whose team someone in the subtree is on, with the same parameter", () => {
    const params: unknown[] = [];
    const condition = visibleTo({ kind: 'team', userId: 'm' }, 'a', params);
    expect(params).toEqual(['m']);
    expect(condition).toContain('OR a.customer_id IN (SELECT m.customer_id FROM sales.account_team_member m');
    expect(condition.match(/SELECT \$1::text/g)).toHaveLength(2);
  });

  it('limits a dealer to its partner id and lets admin see all', () => {
    const params: unknown[] = [];
    expect(visibleTo({ kind: 'partner', userId: 'd', partnerId: 'p1' }, 'l', params)).toBe(
      'l.partner_id = $1',
    );
    expect(params).toEqual(['p1']);
    expect(visibleTo({ kind: 'all', userId: 'a' }, 'l', params)).toBe('TRUE');
    expect(params).toEqual(['p1']);
  });
});
