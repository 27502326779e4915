import { eventually } from '@crm/testing';
import { HOME, KM, registerCustomer, STATION } from './notification-fixtures';
import { ServiceHarness } from './service.harness';

describe('the embedded default: a dev mailbox stands in for SMTP and the SMS gateway', () => {
  let harness: ServiceHarness;
  let admin: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    admin = await harness.as(['admin']);
    await harness.station({ ...STATION, lat: HOME.lat + KM, lon: HOME.lon });
  });
  afterAll(() => harness.stop());

  const mailbox = (query: string, token = admin) =>
    harness.http().get(`/dev/mailbox?${query}`).set('Authorization', token);

  it('lists what the customer would have received by email and SMS', async () => {
    const customer = await registerCustomer(harness, ['email', 'sms']);
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', admin)
      .send({
        customerId: customer.customerId,
        location: HOME,
        brand: 'Aurora',
        qualityType: 'brakes',
        description: '刹车异响',
        channel: 'phone',
      })
      .expect(201);

    const emails = await eventually(async () => {
      const { body } = await mailbox(`to=${encodeURIComponent(customer.email)}`).expect(200);
      expect(body.items).toHaveLength(2);
      return body.items;
    });
    expect(emails.map((m: { subject: string }) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining(opened.body.ticketNumber)]),
    );
    const { body: texts } = await mailbox(`channel=sms&to=${encodeURIComponent(customer.phone)}`).expect(200);
    expect(texts.items.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining([expect.stringContaining(STATION.name)]),
    );
    const { body: sent } = await harness
      .http()
      .get(`/tickets/${opened.body.ticketId}/notifications`)
      .set('Authorization', admin)
      .expect(200);
    expect(sent.items.map((n: { status: string }) => n.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });

  it('is for admins only', async () => {
    await mailbox('', await harness.as(['agent'])).expect(403);
  });

  it.each([
    ['an unknown channel', () => mailbox('channel=fax'), 'channel'],
    ['a page too large', () => mailbox('limit=1000'), 'limit'],
    [
      'a bad ticket id',
      () => harness.http().get('/tickets/nope/notifications').set('Authorization', admin),
      'id',
    ],
  ])('answers %s with 400 problem+json naming the field', async (_case, call, field) => {
    const response = await call();
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
