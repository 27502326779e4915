import { randomUUID } from 'node:crypto';
import { CustomerRegistered, PartnerRegistered, PartnerUpdated } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ServiceHarness, stationState } from './service.harness';

const KM = 1 / 111.2;

describe('the read models routing relies on, fed by customer-master events over Kafka', () => {
  let harness: ServiceHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    agent = await harness.as(['agent']);
  });
  afterAll(() => harness.stop());

  const open = (body: object) =>
    harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({ brand: 'Aurora', qualityType: 'brakes', description: '刹车发软', channel: 'phone', ...body })
      .expect(201)
      .then((response) => response.body);

  it('keeps the station replica from partner events over Kafka, once per event', async () => {
    const state = stationState({ lat: 45, lon: 90, name: '乌鲁木齐维修站' });
    const registered = await harness.publish(PartnerRegistered, state.partnerId, state);
    await harness.publishEnvelope(registered);
    await harness.publish(PartnerUpdated, state.partnerId, { ...state, capacity: 9 });
    const dealer = stationState({ lat: 45, lon: 90, kind: 'dealer' });
    await harness.publish(PartnerRegistered, dealer.partnerId, dealer);

    await eventually(async () => {
      const rows = await harness.query(`SELECT name, capacity FROM service.station WHERE id = $1`, [
        state.partnerId,
      ]);
      expect(rows).toEqual([{ name: '乌鲁木齐维修站', capacity: 9 }]);
    });
    expect(await harness.query(`SELECT 1 FROM service.station WHERE id = $1`, [dealer.partnerId])).toEqual(
      [],
    );
  });

  it('routes from where the customer lives when the ticket has no location', async () => {
    const customerId = randomUUID();
    const home = { lat: -20, lon: 50 };
    const near = await harness.station({ lat: home.lat + KM, lon: home.lon });
    const address = {
      province: null,
      city: null,
      district: null,
      street: null,
      postalCode: null,
      location: home,
    };
    await harness.publish(CustomerRegistered, customerId, {
      customerId,
      kind: 'person',
      name: '赵六',
      namePinyin: 'zhao liu',
      phones: [],
      emails: [],
      address,
      birthday: null,
      gender: null,
      tags: [],
      ownerSalesRepId: null,
      consents: [],
    });
    await eventually(async () => {
      expect(
        await harness.query(`SELECT 1 FROM service.customer_location WHERE customer_id = $1`, [customerId]),
      ).toHaveLength(1);
      expect(
        await harness.query(`SELECT 1 FROM service.customer_contact WHERE customer_id = $1`, [customerId]),
      ).toHaveLength(1);
    });

    const ticket = await open({ customerId });

    expect(ticket).toMatchObject({ stationId: near, location: home });
  });
});
