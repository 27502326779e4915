import { Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CustomerMasterHarness } from '../../apps/customer-master/test/customer-master.harness';
import { CallCenterHarness } from '../../apps/call-center/test/call-center.harness';

const VIN = 'LSVAU2187N2123456';

describe('agent lookup from the call center read model, fed by customer-master over Kafka', () => {
  let master: CustomerMasterHarness;
  let callCenter: CallCenterHarness;
  let agent: string;
  let customerId: string;
  let dealerId: string;

  const lookup = async (q: string) => {
    const response = await callCenter
      .http()
      .get('/lookup')
      .query({ q })
      .set('Authorization', agent)
      .expect(200);
    return response.body.items as { customerId: string; matchedBy: string; vins: string[] }[];
  };

  beforeAll(async () => {
    master = await CustomerMasterHarness.start();
    callCenter = await CallCenterHarness.start({ kafkaNamespace: master.kafkaNamespace });
    agent = await callCenter.as([Roles.agent]);
    const admin = await master.as([Roles.admin]);
    const dealer = await master
      .http()
      .post('/partners')
      .set('Authorization', admin)
      .send({ kind: 'dealer', code: 'D-SH-01', name: '上海浦东4S店', location: { lat: 31.2, lon: 121.5 } })
      .expect(201);
    dealerId = dealer.body.partnerId;
    const customer = await master
      .http()
      .post('/customers')
      .set('Authorization', admin)
      .send({ kind: 'person', name: '张三', phones: ['13800138000'] })
      .expect(201);
    customerId = customer.body.id;
    await master
      .http()
      .post(`/customers/${customerId}/vehicles`)
      .set('Authorization', admin)
      .send({
        vin: VIN,
        brand: 'Aurora',
        model: 'A6 Sedan',
        purchaseDate: '2023-06-18',
        sellingDealerId: dealerId,
      })
      .expect(201);
    await eventually(async () =>
      expect((await lookup(VIN)).map((hit) => hit.customerId)).toEqual([customerId]),
    );
  }, 120_000);

  afterAll(async () => {
    await callCenter.stop();
    await master.database.drop();
  });

  it.each([
    ['Chinese name', '张三', 'name'],
    ['pinyin', 'zhangsan', 'name'],
    ['spaced pinyin', 'Zhang San', 'name'],
    ['whole phone number', '+86 138-0013-8000', 'phone'],
    ['part of the phone number', '0013800', 'phone'],
    ['VIN', VIN, 'vin'],
    ['last digits of the VIN', 'N2123456', 'vin'],
  ])('finds the customer by %s', async (_label, q, matchedBy) => {
    const [hit] = await lookup(q);
    expect(hit).toMatchObject({ customerId, matchedBy, vins: [VIN] });
  });

  it('still answers while customer-master is stopped', async () => {
    await master.stop({ dropDatabase: false });
    const [hit] = await lookup('张三');
    expect(hit.customerId).toBe(customerId);
    const view = await callCenter
      .http()
      .get(`/customers/${customerId}/360`)
      .set('Authorization', agent)
      .expect(200);
    expect(view.body.vehicles[0]).toMatchObject({
      vin: VIN,
      model: 'A6 Sedan',
      purchaseDate: '2023-06-18',
      sellingDealer: { id: dealerId, name: '上海浦东4S店' },
    });
  });
});
