import { randomUUID } from 'node:crypto';
import { VehicleRegistered } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ServiceHarness, vehicleState } from './service.harness';

/** POST /tickets does not trust the caller's customer, vehicle, VIN or selling dealer: the replicas decide. */
describe('a ticket is opened only for what the customer master says exists', () => {
  let harness: ServiceHarness;
  let agent: string;
  const DEALER = randomUUID();
  const customerId = randomUUID();
  const vehicle = vehicleState(customerId, { sellingDealerId: DEALER, brand: 'Aurora' });
  const strangersVehicle = vehicleState(randomUUID(), { sellingDealerId: randomUUID() });

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    agent = await harness.as(['agent']);
    await harness.station({ lat: 23.1, lon: 113.3 });
    await harness.customer(customerId);
    for (const v of [vehicle, strangersVehicle]) await harness.publish(VehicleRegistered, v.vehicleId, v);
    await eventually(async () =>
      expect(await harness.query(`SELECT 1 FROM service.customer_vehicle`)).toHaveLength(2),
    );
  });
  afterAll(() => harness.stop());

  const open = (body: object) =>
    harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId,
        qualityType: 'engine',
        description: 'x',
        channel: 'web',
        location: { lat: 23.1, lon: 113.3 },
        ...body,
      });
  const fields = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field);

  it('takes the vehicle’s VIN, brand and selling dealer from the vehicle replica (kept from vehicle events)', async () => {
    const { body } = await open({ vehicleId: vehicle.vehicleId }).expect(201);
    expect(body).toMatchObject({ vehicleId: vehicle.vehicleId, vin: vehicle.vin, sellingDealerId: DEALER });
    const byVin = await open({ vin: vehicle.vin, sellingDealerId: DEALER }).expect(201);
    expect(byVin.body).toMatchObject({ vehicleId: vehicle.vehicleId, sellingDealerId: DEALER });
  });

  it('refuses a customer the customer master never told of', async () => {
    expect(fields((await open({ customerId: randomUUID() }).expect(400)).body)).toEqual(['customerId']);
  });

  it('refuses another customer’s vehicle, by id or by VIN, and an unknown one', async () => {
    expect(fields((await open({ vehicleId: strangersVehicle.vehicleId }).expect(400)).body)).toEqual([
      'vehicleId',
    ]);
    expect(fields((await open({ vin: strangersVehicle.vin }).expect(400)).body)).toEqual(['vin']);
    expect(fields((await open({ vehicleId: randomUUID() }).expect(400)).body)).toEqual(['vehicleId']);
    expect(
      fields((await open({ vehicleId: vehicle.vehicleId, vin: strangersVehicle.vin }).expect(400)).body),
    ).toEqual(['vin']);
  });

  it('grants nothing to a dealer the caller names', async () => {
    const intruder = randomUUID();
    const named = await open({ vehicleId: vehicle.vehicleId, sellingDealerId: intruder }).expect(400);
    expect(fields(named.body)).toEqual(['sellingDealerId']);
    expect(fields((await open({ sellingDealerId: intruder }).expect(400)).body)).toEqual(['sellingDealerId']);
    const dealer = await harness.as(['dealer'], { id: intruder, kind: 'dealer' });
    const { body } = await harness.http().get('/dealer/tickets').set('Authorization', dealer).expect(200);
    expect(body.items).toEqual([]);
  });
});
