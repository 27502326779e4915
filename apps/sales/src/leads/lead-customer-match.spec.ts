import { matchLeadToCustomer } from './lead-customer-match';

describe(matchLeadToCustomer.name, () => {
  it('links the one customer sharing the phone or email', () => {
    expect(matchLeadToCustomer([{ customerId: 'a', matchedOn: ['email'] }])).toEqual({
      customerId: 'a',
      candidates: [],
    });
  });

  it('breaks a tie between contact matches by the name, when only one has it', () => {
    const matches = [
      { customerId: 'a', matchedOn: ['phone' as const] },
      { customerId: 'b', matchedOn: ['phone' as const, 'name' as const] },
    ];
    expect(matchLeadToCustomer(matches).customerId).toBe('b');
  });

  it('links nobody and shows the candidates when the contact matches stay ambiguous', () => {
    const matches = [
      { customerId: 'a', matchedOn: ['phone' as const] },
      { customerId: 'b', matchedOn: ['email' as const] },
    ];
    expect(matchLeadToCustomer(matches)).toEqual({ customerId: null, candidates: matches });
  });

  it('never links on a name alone', () => {
    const matches = [{ customerId: 'a', matchedOn: ['name' as const] }];
    expect(matchLeadToCustomer(matches)).toEqual({ customerId: null, candidates: matches });
  });
});
