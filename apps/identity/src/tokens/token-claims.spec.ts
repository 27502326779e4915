import { Roles } from '@crm/contracts';
import { tokenClaims } from './token-claims';

const timing = {
  issuer: 'crm-identity',
  audience: 'crm-api',
  issuedAt: new Date('2025-03-01T08:00:00.900Z'),
  ttlSeconds: 3600,
};

describe('tokenClaims', () => {
  it('times the token from the clock in whole seconds', () => {
    const claims = tokenClaims(
      { subject: 'u1', name: 'Li Wei', roles: [Roles.agent], partnerId: null, partnerKind: null },
      timing,
    );
    expect(claims).toEqual({
      iss: 'crm-identity',
      aud: 'crm-api',
      sub: 'u1',
      iat: 1740816000,
      exp: 1740819600,
      name: 'Li Wei',
      roles: ['agent'],
    });
  });

  it('binds a partner token to its partner', () => {
    const partnerId = '7f1b2c3d-0000-4000-8000-000000000001';
    const claims = tokenClaims(
      { subject: 'dms', name: 'Dealer DMS', roles: [Roles.dealer], partnerId, partnerKind: 'dealer' },
      timing,
    );
    expect(claims).toMatchObject({ roles: ['dealer'], partner_id: partnerId, partner_kind: 'dealer' });
  });
});
