import { eventually } from '@crm/testing';
import { withCheckDigit } from '@crm/app-customer-master';
import { answered } from './api-answer';
import { PlatformUnderTest } from './platform-under-test';
import { WebhookReceiver } from './webhook-receiver';

const SHANGHAI = { lat: 31.2304, lon: 121.4737 };
const BRAND = 'Aurora';

function vin(serial: string): string {
  const body = `LDCA1B2C0NA${serial}`;
  return withCheckDigit(body);
}

/**
 * The main calls go through the typed clients generated from the apps' OpenAPI documents
 * (@crm/api-client), as a partner or the console would make them.
 *
 * The headline story across separate services over real Kafka, PostgreSQL and Redis: the agent
 * finds the caller, sees everything, records the complaint; the nearest able station is notified,
 * declines, the next one takes it and repairs the car; the customer rates it.
 */
describe('a complaint from phone call to satisfied customer', () => {
  let platform: PlatformUnderTest;
  let hooks: WebhookReceiver;
  let admin: string;
  let agent: string;
  const stations: Record<string, string> = {};
  let dealerId: string;
  let customerId: string;
  let vehicleId: string;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    hooks = await WebhookReceiver.start();
    admin = await platform.as(['admin']);
    agent = await platform.as(['agent']);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await hooks?.stop();
  });

  const partner = async (body: object) =>
    (await platform.customerMaster().post('/partners').set('Authorization', admin).send(body).expect(201))
      .body.partnerId as string;

  const station = (code: string, offset: number, extra: object) =>
    partner({
      kind: 'repair_station',
      code,
      name: `维修站 ${code}`,
      location: { lat: SHANGHAI.lat + offset, lon: SHANGHAI.lon + offset },
      brands: [BRAND],
      skills: ['brakes', 'engine'],
      capacity: 5,
      ...extra,
    });

  const asStation = (code: string) =>
    platform.as(['repair_station'], { id: stations[code], kind: 'repair_station' });

  it('sets up the network: a dealer and stations, each registering its webhook with the service app', async () => {
    dealerId = await partner({
      kind: 'dealer',
      code: 'D-SH-9',
      name: '上海星辰汽车',
      location: SHANGHAI,
      brands: [BRAND],
    });
    stations['NO-SKILL'] = await station('RS-NO-SKILL', 0.001, { skills: ['body_and_paint'] });
    stations['FULL'] = await station('RS-FULL', 0.002, { capacity: 0 });
    stations['INACTIVE'] = await station('RS-INACTIVE', 0.003, { active: false });
    stations['FIRST'] = await station('RS-FIRST', 0.05, {});
    stations['SECOND'] = await station('RS-SECOND', 0.1, {});
    for (const [code, id] of Object.entries(stations)) {
      const service = await platform.serviceApi(admin);
      const registered = await eventually(() =>
        answered(
          service.PUT('/stations/{id}/webhook', {
            params: { path: { id } },
            body: { url: `${hooks.baseUrl}/${code}` },
          }),
          200,
        ),
      );
      hooks.expectSecret(`/${code}`, registered.secret);
    }
  });

  it('registers the customer and the car bought at the dealer, with a prior repair', async () => {
    const customerMaster = await platform.customerMasterApi(agent);
    const customer = await answered(
      customerMaster.POST('/customers', {
        body: {
          kind: 'person',
          name: '司马青山',
          phones: ['13912345678'],
          address: { city: '上海市', location: SHANGHAI },
        },
      }),
      201,
    );
    customerId = customer.id;
    const vehicle = await answered(
      customerMaster.POST('/customers/{id}/vehicles', {
        params: { path: { id: customerId } },
        body: {
          vin: vin('123456'),
          brand: BRAND,
          model: 'A6 Sedan',
          modelYear: 2023,
          purchaseDate: '2023-06-18',
          sellingDealerId: dealerId,
          warrantyEnd: '2099-06-17',
        },
      }),
      201,
    );
    vehicleId = vehicle.vehicleId;

    const service = await platform.serviceApi(agent);
    const prior = await eventually(() =>
      answered(
        service.POST('/tickets', {
          body: {
            customerId,
            vehicleId,
            brand: BRAND,
            qualityType: 'engine',
            description: '保养 engine check',
            channel: 'phone',
            location: SHANGHAI,
          },
        }),
        201,
      ),
    );
    expect(prior.stationId).toBe(stations.FIRST);
    const first = await platform.serviceApi(await asStation('FIRST'));
    const path = { id: prior.ticketId };
    await answered(first.POST('/station/tickets/{id}/accept', { params: { path } }), 200);
    await answered(
      first.POST('/station/tickets/{id}/resolve', {
        params: { path },
        body: {
          workDone: '更换机油 oil change',
          parts: [],
          cost: { amount: 380, currency: 'CNY' },
          technician: '李师傅',
        },
      }),
      200,
    );
  });

  it('lets the agent find the caller by Chinese name and by pinyin, with model, dealer and the prior repair', async () => {
    const callCenter = await platform.callCenterApi(agent);
    for (const q of ['司马青山', 'sima qingshan']) {
      await eventually(async () => {
        const found = await answered(callCenter.GET('/lookup', { params: { query: { q } } }), 200);
        expect(found.items.map((hit) => hit.customerId)).toContain(customerId);
      });
    }
    const view = await eventually(async () => {
      const answer = await answered(
        callCenter.GET('/customers/{id}/360', { params: { path: { id: customerId } } }),
        200,
      );
      expect(answer.repairs).toHaveLength(1);
      return answer;
    });
    expect(view.vehicles[0]).toMatchObject({
      model: 'A6 Sedan',
      purchaseDate: '2023-06-18',
      sellingDealer: { id: dealerId, name: '上海星辰汽车' },
    });
    expect(view.repairs[0]).toMatchObject({ station: { id: stations.FIRST }, technician: '李师傅' });
  });

  let ticketId: string;

  it('notifies the nearest able station: not the one without the skill, nor the closer full or inactive ones', async () => {
    const callCenter = await platform.callCenterApi(agent);
    const complaint = await answered(
      callCenter.POST('/customers/{id}/complaints', {
        params: { path: { id: customerId } },
        body: {
          vehicleId,
          description: '刹车异响 squeaking brakes',
          qualityType: 'brakes',
          channel: 'phone',
        },
      }),
      201,
    );
    ticketId = complaint.ticketId;
    const [webhook] = await eventually(async () => {
      const received = hooks.received.filter((h) => h.body.ticket.ticketId === ticketId);
      expect(received).toHaveLength(1);
      return received;
    });
    expect(webhook.path).toBe('/FIRST');
    expect(webhook.signatureValid).toBe(true);
  });

  it('re-routes when the station declines; the next one accepts and resolves', async () => {
    const path = { id: ticketId };
    const first = await platform.serviceApi(await asStation('FIRST'));
    await answered(
      first.POST('/station/tickets/{id}/decline', {
        params: { path },
        body: { reason: '技师不足 no technician today' },
      }),
      200,
    );
    await eventually(() =>
      expect(hooks.for('/SECOND').map((h) => h.body.ticket.ticketId)).toContain(ticketId),
    );
    const second = await platform.serviceApi(await asStation('SECOND'));
    const accepted = await answered(second.POST('/station/tickets/{id}/accept', { params: { path } }), 200);
    expect(accepted).toMatchObject({ status: 'accepted', stationId: stations.SECOND });
    await answered(
      second.POST('/station/tickets/{id}/resolve', {
        params: { path },
        body: {
          workDone: '更换刹车片 new brake pads',
          parts: [{ partNumber: 'BP-100', description: 'brake pads', quantity: 4 }],
          cost: { amount: 1200, currency: 'CNY' },
          technician: '王师傅',
        },
      }),
      200,
    );
  });

  it('shows the repair in the 360 view, records satisfaction and keeps every step on the timeline', async () => {
    const callCenter = await platform.callCenterApi(agent);
    const service = await platform.serviceApi(agent);
    const path = { id: ticketId };
    await eventually(async () => {
      const view = await answered(
        callCenter.GET('/customers/{id}/360', { params: { path: { id: customerId } } }),
        200,
      );
      expect(view.repairs.map((repair) => repair.technician)).toContain('王师傅');
    });
    await answered(
      service.POST('/tickets/{id}/satisfaction', {
        params: { path },
        body: { score: 5, comment: '很满意 very happy' },
      }),
      200,
    );
    const timeline = await answered(service.GET('/tickets/{id}/timeline', { params: { path } }), 200);
    expect(timeline.steps.map((step) => step.step)).toEqual(
      expect.arrayContaining(['opened', 'routed', 'declined', 'accepted', 'resolved']),
    );
    expect(timeline.reported).not.toBeNull();
    expect(timeline.accepted?.by).toEqual(expect.objectContaining({ id: expect.any(String) }));
    const ticket = await answered(service.GET('/tickets/{id}', { params: { path } }), 200);
    expect(ticket.routing.map((decision) => decision.outcome)).toEqual(['routed', 'routed']);
    expect(ticket).toMatchObject({
      status: 'resolved',
      stationId: stations.SECOND,
      satisfaction: expect.objectContaining({ score: 5 }),
    });
  });

  it("counts the ticket in analytics: the decline as first response, on the accepting station's scorecard", async () => {
    const analyst = await platform.as(['analyst']);
    const scorecard = await eventually(async () => {
      const { body } = await platform
        .analytics()
        .get(`/analytics/service/scorecards/${stations.SECOND}`)
        .set('Authorization', analyst)
        .expect(200);
      expect(body.scorecard.kpis.satisfaction).toEqual({ count: 1, average: 5 });
      return body.scorecard;
    });
    expect(scorecard).toMatchObject({ stationName: '维修站 RS-SECOND' });
    expect(scorecard.kpis).toMatchObject({
      tickets: 1,
      firstResponse: { count: 1 },
      stationAcceptance: { count: 1 },
      resolution: { count: 1 },
      reopenRate: 0,
    });
    expect(scorecard.kpis.firstResponse.meanSeconds).toBeLessThanOrEqual(
      scorecard.kpis.stationAcceptance.meanSeconds,
    );
    const own = await platform
      .analytics()
      .get(`/analytics/service/scorecards/${stations.FIRST}`)
      .set('Authorization', await asStation('FIRST'))
      .expect(200);
    // Its own card holds the prior repair only: the complaint it declined counts for the station that took it.
    expect(own.body.scorecard.kpis).toMatchObject({ tickets: 1, satisfaction: { count: 0, average: null } });
    await platform
      .analytics()
      .get(`/analytics/service/scorecards/${stations.SECOND}`)
      .set('Authorization', await asStation('FIRST'))
      .expect(404);
  });
});
