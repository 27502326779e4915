import { Roles } from '@crm/contracts';
import { SalesHarness } from './sales.harness';

describe('lead capture matched against the customer replica', () => {
  let sales: SalesHarness;
  let rep: string;

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
  });

  afterAll(() => sales?.stop());

  const capture = async (body: object) =>
    (
      await sales
        .http()
        .post('/leads')
        .set('authorization', rep)
        .send({ source: 'web_form', ...body })
        .expect(201)
    ).body;

  it('links the one customer sharing the phone, and shows nobody else', async () => {
    const customerId = await sales.knownCustomer({ name: '周敏', phones: ['+8613911112222'] });
    const lead = await capture({ name: 'Zhou Min', phone: '139 1111 2222' });
    expect(lead).toMatchObject({ customerId, customerCandidates: [] });
  });

  it('leaves a lead whose phone two customers share unlinked, with both as candidates', async () => {
    const first = await sales.knownCustomer({ name: '黄磊', phones: ['+8613922223333'] });
    const second = await sales.knownCustomer({ name: '黄蕾', phones: ['+8613922223333'] });
    const lead = await capture({ name: '黄先生', phone: '13922223333' });
    expect(lead.customerId).toBeNull();
    expect(lead.customerCandidates).toEqual(
      expect.arrayContaining([
        { customerId: first, matchedOn: ['phone'] },
        { customerId: second, matchedOn: ['phone'] },
      ]),
    );
    const read = await sales.http().get(`/leads/${lead.id}`).set('authorization', rep).expect(200);
    expect(read.body.customerCandidates).toHaveLength(2);
  });

  it('picks among customers sharing the phone the one that also has the name (case and spaces aside)', async () => {
    await sales.knownCustomer({ name: 'Emily Chen', phones: ['+8613933334444'] });
    const david = await sales.knownCustomer({ name: 'David Li', phones: ['+8613933334444'] });
    const lead = await capture({ name: ' david  LI ', phone: '+86 139 3333 4444' });
    expect(lead).toMatchObject({ customerId: david, customerCandidates: [] });
  });

  it('never links on a name alone, but shows the namesake', async () => {
    const namesake = await sales.knownCustomer({ name: '孙强', phones: ['+8613944445555'] });
    const lead = await capture({ name: '孙强', email: 'sun.qiang@example.com' });
    expect(lead.customerId).toBeNull();
    expect(lead.customerCandidates).toEqual([{ customerId: namesake, matchedOn: ['name'] }]);
  });
});
