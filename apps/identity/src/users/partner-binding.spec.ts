import { Roles } from '@crm/contracts';
import { partnerBindingErrors, partnerRoleOf } from './partner-binding';

const partnerId = '7f1b2c3d-0000-4000-8000-000000000001';

describe('partnerBindingErrors', () => {
  it('accepts staff roles without a partner', () => {
    expect(partnerBindingErrors({ roles: [Roles.agent, Roles.analyst] })).toEqual([]);
  });

  it('accepts a dealer bound to a dealer partner', () => {
    expect(partnerBindingErrors({ roles: [Roles.dealer], partnerId, partnerKind: 'dealer' })).toEqual([]);
  });

  it('requires the partner id and kind for a partner role', () => {
    expect(partnerBindingErrors({ roles: [Roles.repairStation] }).map((e) => e.field)).toEqual([
      'partnerId',
      'partnerKind',
    ]);
  });

  it('rejects a partner kind that does not match the role', () => {
    const errors = partnerBindingErrors({ roles: [Roles.dealer], partnerId, partnerKind: 'repair_station' });
    expect(errors).toEqual([{ field: 'partnerKind', message: 'does not match the role dealer' }]);
  });

  it('rejects a partner role mixed with staff roles', () => {
    const errors = partnerBindingErrors({
      roles: [Roles.dealer, Roles.admin],
      partnerId,
      partnerKind: 'dealer',
    });
    expect(errors.map((e) => e.field)).toEqual(['roles']);
  });

  it('rejects a partner id on a staff user', () => {
    expect(partnerBindingErrors({ roles: [Roles.agent], partnerId }).map((e) => e.field)).toEqual([
      'partnerId',
    ]);
  });
});

describe('partnerRoleOf', () => {
  it('maps each partner kind to its role', () => {
    expect(partnerRoleOf('dealer')).toBe(Roles.dealer);
    expect(partnerRoleOf('repair_station')).toBe(Roles.repairStation);
  });
});
