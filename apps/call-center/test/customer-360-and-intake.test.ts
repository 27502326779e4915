import { randomUUID } from 'node:crypto';
import {
  ComplaintRecorded,
  CustomerErased,
  CustomerMerged,
  CustomerRegistered,
  InteractionRecorded,
  PartnerRegistered,
  RepairRecorded,
  Roles,
  TicketAccepted,
  TicketClosed,
  TicketOpened,
  TicketSatisfactionRecorded,
  validateEvent,
  VehicleRegistered,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CacheKeys } from '../src/call-center.constants';
import { CallCenterHarness } from './call-center.harness';
import { customerState, repairRecord, ticketSummary, vehicleState } from './call-center.fixtures';
import { SseClient } from './sse-client';

const AGENT_ID = 'agent-007';
const AGENT_NAME = '王丽';
const dealerId = '8d0b8a36-1d4b-4c11-9e53-7f1f1a0d0a01';
const stationId = '8d0b8a36-1d4b-4c11-9e53-7f1f1a0d0a02';

describe('customer 360, interactions, complaint intake and screen pop', () => {
  let cc: CallCenterHarness;
  let agent: string;
  const customer = customerState({ name: '李四', namePinyin: 'li si', phones: ['+8613900139000'] });
  const vehicle = vehicleState(customer.customerId, { sellingDealerId: dealerId, warrantyEnd: '2000-01-01' });
  const ticket = ticketSummary(customer.customerId, { vehicleId: vehicle.vehicleId });

  const view360 = async () =>
    (await cc.http().get(`/customers/${customer.customerId}/360`).set('Authorization', agent).expect(200))
      .body;

  beforeAll(async () => {
    cc = await CallCenterHarness.start();
    agent = await cc.as([Roles.agent], { sub: AGENT_ID, name: AGENT_NAME });
    await cc.publish(PartnerRegistered, dealerId, {
      partnerId: dealerId,
      kind: 'dealer',
      code: 'D-1',
      name: '北京朝阳4S店',
      phone: null,
      address: {
        province: null,
        city: '北京市',
        district: null,
        street: null,
        postalCode: null,
        location: null,
      },
      location: { lat: 39.9, lon: 116.4 },
      brands: ['Aurora'],
      skills: [],
      capacity: 0,
      openingHours: [],
      active: true,
    });
    await cc.publish(CustomerRegistered, customer.customerId, customer);
    await cc.publish(VehicleRegistered, vehicle.vehicleId, vehicle);
    await cc.publish(RepairRecorded, customer.customerId, repairRecord(customer.customerId, { stationId }));
    await cc.publish(TicketOpened, ticket.ticketId, ticket);
    await eventually(async () => expect((await view360()).tickets).toHaveLength(1));
  }, 120_000);

  afterAll(() => cc.stop());

  it('shows profile, consent, vehicle with dealer and warranty, repair history and tickets', async () => {
    const view = await view360();
    expect(view.profile).toMatchObject({ name: '李四', phones: ['+8613900139000'] });
    expect(view.consents).toEqual([expect.objectContaining({ channel: 'sms', granted: true })]);
    expect(view.vehicles).toEqual([
      expect.objectContaining({
        model: 'A6 Sedan',
        purchaseDate: '2023-06-18',
        sellingDealer: { id: dealerId, name: '北京朝阳4S店' },
        warranty: 'out-of-warranty',
      }),
    ]);
    expect(view.repairs).toEqual([
      expect.objectContaining({
        station: { id: stationId, name: '浦东维修站' },
        workDone: 'replaced the ignition coil',
        technician: '王师傅',
        repairedAt: '2025-11-03T10:00:00.000Z',
      }),
    ]);
    expect(view.tickets).toEqual([
      expect.objectContaining({ ticketId: ticket.ticketId, status: 'new', open: true }),
    ]);
  });

  it('serves the 360 from the cache until an event about the customer drops it', async () => {
    await view360();
    expect(await cc.cache().get(CacheKeys.customer360(customer.customerId))).toBeDefined();
    await cc.publish(TicketAccepted, ticket.ticketId, {
      ...ticket,
      status: 'accepted',
      stationId,
      acceptedBy: 'station-lead',
    });
    await eventually(async () =>
      expect((await view360()).tickets[0]).toMatchObject({ status: 'accepted', acceptedBy: 'station-lead' }),
    );
  });

  it('records a phone call on the timeline and announces it', async () => {
    const created = await cc
      .http()
      .post(`/customers/${customer.customerId}/interactions`)
      .set('Authorization', agent)
      .send({
        channel: 'phone',
        direction: 'inbound',
        subject: 'Service date',
        durationSeconds: 185,
        outcome: 'answered',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      agentId: AGENT_ID,
      agentName: AGENT_NAME,
      kind: 'contact',
      durationSeconds: 185,
    });
    const list = await cc
      .http()
      .get(`/customers/${customer.customerId}/interactions`)
      .set('Authorization', agent)
      .expect(200);
    expect(list.body.items.map((i: { interactionId: string }) => i.interactionId)).toContain(
      created.body.interactionId,
    );
    expect((await view360()).interactions[0].interactionId).toBe(created.body.interactionId);
  });

  it('tags a call with the campaign it answers, in the announced event, and rejects a campaign id that is no uuid', async () => {
    const campaignId = randomUUID();
    const created = await cc
      .http()
      .post(`/customers/${customer.customerId}/interactions`)
      .set('Authorization', agent)
      .send({
        channel: 'phone',
        direction: 'outbound',
        subject: 'Campaign feedback',
        outcome: 'interested',
        campaignId,
      })
      .expect(201);
    const announced = async (interactionId: string) => {
      const rows = await cc.query<{ envelope: unknown }>(
        `SELECT envelope FROM call_center.outbox_message WHERE message_key = $1 ORDER BY seq`,
        [interactionId],
      );
      return validateEvent(rows[0].envelope).payload;
    };
    expect(await announced(created.body.interactionId)).toMatchObject({
      campaignId,
      outcome: 'interested',
      customerId: customer.customerId,
    });
    const untagged = await cc
      .http()
      .post(`/customers/${customer.customerId}/interactions`)
      .set('Authorization', agent)
      .send({ channel: 'phone', direction: 'inbound', subject: 'Service date' })
      .expect(201);
    expect(await announced(untagged.body.interactionId)).toMatchObject({ campaignId: null });
    const bad = await cc
      .http()
      .post(`/customers/${customer.customerId}/interactions`)
      .set('Authorization', agent)
      .send({ channel: 'phone', direction: 'outbound', subject: 'x', campaignId: 'not-a-uuid' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('campaignId');
  });

  it('takes a complaint and publishes ComplaintRecorded with the ticket id through the outbox', async () => {
    const receipt = await cc
      .http()
      .post(`/customers/${customer.customerId}/complaints`)
      .set('Authorization', agent)
      .send({
        vehicleId: vehicle.vehicleId,
        description: '刹车异响',
        qualityType: 'brakes',
        channel: 'phone',
      })
      .expect(201);
    const rows = await cc.query<{ envelope: unknown }>(
      `SELECT envelope FROM call_center.outbox_message WHERE message_key = $1 ORDER BY seq`,
      [receipt.body.interactionId],
    );
    const events = rows.map((row) => validateEvent(row.envelope));
    expect(events.map((e) => e.type)).toEqual([InteractionRecorded.type, ComplaintRecorded.type]);
    expect(events[1]).toMatchObject({
      producer: 'call-center',
      actor: expect.objectContaining({ id: AGENT_ID }),
      payload: {
        ticketId: receipt.body.ticketId,
        interactionId: receipt.body.interactionId,
        customerId: customer.customerId,
        vin: vehicle.vin,
        brand: 'Aurora',
        sellingDealerId: dealerId,
        qualityType: 'brakes',
        agentId: AGENT_ID,
        agentName: AGENT_NAME,
      },
    });
    expect((await view360()).interactions[0]).toMatchObject({
      kind: 'complaint',
      ticketId: receipt.body.ticketId,
    });
  });

  it('names the agent who took the complaint and shows the latest rating on its ticket', async () => {
    const receipt = await cc
      .http()
      .post(`/customers/${customer.customerId}/complaints`)
      .set('Authorization', agent)
      .send({ description: '空调不制冷', qualityType: 'air_conditioning', channel: 'phone' })
      .expect(201);
    const opened = ticketSummary(customer.customerId, {
      ticketId: receipt.body.ticketId,
      status: 'resolved',
    });
    await cc.publish(TicketOpened, opened.ticketId, opened, 'service', new Date(opened.openedAt));
    const rate = (score: number, comment: string, at: string) =>
      cc.publish(
        TicketSatisfactionRecorded,
        opened.ticketId,
        { ...opened, score, comment },
        'service',
        new Date(at),
      );
    await rate(2, 'took too long', '2026-02-03T08:00:00.000Z');
    await rate(5, 'older rating, delivered late', '2026-02-02T08:00:00.000Z');
    // Same ticket, same partition: once the close shows, both ratings before it were applied.
    await cc.publish(
      TicketClosed,
      opened.ticketId,
      { ...opened, status: 'closed' },
      'service',
      new Date('2026-02-04'),
    );
    const ticketIn360 = async () =>
      (await view360()).tickets.find((t: { ticketId: string }) => t.ticketId === opened.ticketId);
    await eventually(async () =>
      expect(await ticketIn360()).toMatchObject({
        status: 'closed',
        openedBy: { id: AGENT_ID, name: AGENT_NAME },
        satisfaction: { score: 2, comment: 'took too long' },
      }),
    );
  });

  it('pops the caller on the agent’s open event stream', async () => {
    const stream = await SseClient.open(await cc.url('/agents/me/events'), agent);
    try {
      await eventually(() => expect(stream.events.map((e) => e.event)).toContain('ready'));
      await cc
        .http()
        .post('/telephony/incoming-call')
        .set('Authorization', agent)
        .send({
          callerNumber: '139 0013 9000',
          calledLine: '400-800-8888',
          callId: 'call-1',
          agentId: AGENT_ID,
        })
        .expect(200);
      const pop = await eventually(() => {
        const found = stream.events.find((e) => e.event === 'screen-pop');
        expect(found).toBeDefined();
        return found?.data;
      });
      expect(pop).toMatchObject({
        callId: 'call-1',
        callerNumber: '139 0013 9000',
        match: { kind: 'customer', customer: { customerId: customer.customerId, name: '李四' } },
      });
    } finally {
      stream.close();
    }
  });

  it('gives a stream that reconnects with Last-Event-ID the pops it missed while away', async () => {
    const ring = (callId: string) =>
      cc
        .http()
        .post('/telephony/incoming-call')
        .set('Authorization', agent)
        .send({ callerNumber: '139 0013 9000', calledLine: '400-800-8888', callId, agentId: AGENT_ID })
        .expect(200);
    const pops = (stream: SseClient) => stream.events.filter((e) => e.event === 'screen-pop');
    const first = await SseClient.open(await cc.url('/agents/me/events'), agent);
    await eventually(() => expect(first.events.map((e) => e.event)).toContain('ready'));
    await ring('call-before-drop');
    const last = await eventually(() => {
      expect(pops(first)).toHaveLength(1);
      return pops(first)[0].id as string;
    });
    first.close();
    await ring('call-in-the-gap');

    const again = await SseClient.open(await cc.url('/agents/me/events'), agent, last);
    try {
      await eventually(() => expect(again.events.map((e) => e.event)).toContain('ready'));
      await ring('call-after');
      await eventually(() =>
        expect(pops(again).map((e) => (e.data as { callId: string }).callId)).toEqual([
          'call-in-the-gap',
          'call-after',
        ]),
      );
    } finally {
      again.close();
    }
  });

  it('re-points a merged duplicate’s vehicles to the survivor', async () => {
    const duplicate = customerState({ name: '李四', phones: ['+8613700137000'] });
    const car = vehicleState(duplicate.customerId, { vin: 'LSVAU2187N2654321' });
    await cc.publish(CustomerRegistered, duplicate.customerId, duplicate);
    await cc.publish(VehicleRegistered, car.vehicleId, car);
    const lookup = (q: string) =>
      cc.http().get('/lookup').query({ q }).set('Authorization', agent).expect(200);
    await eventually(async () => expect((await lookup(car.vin)).body.items).toHaveLength(1));
    await cc.publish(CustomerMerged, customer.customerId, {
      survivorId: customer.customerId,
      mergedId: duplicate.customerId,
      movedVehicleIds: [car.vehicleId],
      survivor: customer,
    });
    await eventually(async () =>
      expect((await view360()).vehicles.map((v: { vin: string }) => v.vin)).toContain(car.vin),
    );
    await cc.http().get(`/customers/${duplicate.customerId}/360`).set('Authorization', agent).expect(404);
  });

  it('forgets an erased customer everywhere in the call center', async () => {
    await cc.publish(CustomerErased, customer.customerId, {
      customerId: customer.customerId,
      erasedAt: new Date().toISOString(),
    });
    await eventually(async () => {
      const found = await cc
        .http()
        .get('/lookup')
        .query({ q: '李四' })
        .set('Authorization', agent)
        .expect(200);
      expect(found.body.items).toEqual([]);
    });
    await cc.http().get(`/customers/${customer.customerId}/360`).set('Authorization', agent).expect(404);
    const [left] = await cc.query<{ count: string }>(
      `SELECT count(*) FROM call_center.interaction WHERE customer_id = $1`,
      [customer.customerId],
    );
    expect(left.count).toBe('0');
  });
});
