import { Customer } from '../customers/customer';
import { absorb, changedFields, retire } from './customer-absorption';

function customer(fields: Partial<Customer>): Customer {
  return {
    id: 'c',
    kind: 'person',
    name: '王五',
    nameLatin: 'wang wu',
    phones: [],
    emails: [],
    address: null,
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [],
    preferredLanguage: null,
    status: 'active',
    mergedInto: null,
    version: 1,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}

const NOW = '2024-06-01T00:00:00.000Z';

describe('absorb', () => {
  it('keeps the survivor’s values and fills only what it lacks', () => {
    const survivor = customer({
      id: 's',
      phones: ['+8613700137000'],
      birthday: '1980-01-01',
      gender: 'unknown',
    });
    const duplicate = customer({
      id: 'd',
      phones: ['+8613600136000'],
      birthday: '1990-02-02',
      gender: 'male',
    });
    const merged = absorb(survivor, duplicate, NOW);
    expect(merged).toMatchObject({
      id: 's',
      phones: ['+8613700137000', '+8613600136000'],
      birthday: '1980-01-01',
      gender: 'male',
      version: 2,
      updatedAt: NOW,
    });
    expect(changedFields(survivor, merged)).toEqual(['phones', 'gender']);
  });

  it('adds consents only for channels the survivor has none for', () => {
    const sms = { channel: 'sms' as const, granted: false, at: NOW, source: 'app' };
    const survivor = customer({ consents: [sms] });
    const duplicate = customer({
      consents: [
        { ...sms, granted: true },
        { channel: 'email', granted: true, at: NOW, source: 'web' },
      ],
    });
    expect(absorb(survivor, duplicate, NOW).consents.map((c) => [c.channel, c.granted])).toEqual([
      ['sms', false],
      ['email', true],
    ]);
  });
});

describe('retire', () => {
  it('points the duplicate to the survivor and drops its phones', () => {
    expect(retire(customer({ phones: ['+8613600136000'] }), 's', NOW)).toMatchObject({
      status: 'merged',
      mergedInto: 's',
      phones: [],
      version: 2,
    });
  });
});
