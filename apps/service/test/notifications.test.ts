import { randomUUID } from 'node:crypto';
import { ComplaintRecorded, CustomerErased } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually, LoopbackSmsGateway, LoopbackSmtpServer, ReceivedEmail } from '@crm/testing';
import { EmailSender } from '../src/notifications/email-sender';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher';
import { NotificationRepository } from '../src/notifications/notification.repository';
import { HOME, KM, Notification, registerCustomer, STATION } from './notification-fixtures';
import { ServiceHarness } from './service.harness';

describe('customer notifications by email over SMTP and by SMS through a gateway', () => {
  const clock = new FixedClock(new Date());
  let harness: ServiceHarness;
  let smtp: LoopbackSmtpServer;
  let sms: LoopbackSmsGateway;
  let agent: string;
  let stationId: string;
  let dispatcher: NotificationDispatcher;

  beforeAll(async () => {
    [smtp, sms] = await Promise.all([LoopbackSmtpServer.start(), LoopbackSmsGateway.start()]);
    harness = await ServiceHarness.start({
      clock,
      settings: { backgroundJobs: false, smtpUrl: smtp.url, smsGatewayUrl: sms.url, smsGatewayKey: sms.key },
    });
    agent = await harness.as(['agent']);
    stationId = await harness.station({ ...STATION, lat: HOME.lat + KM, lon: HOME.lon });
    dispatcher = harness.get(NotificationDispatcher);
  });
  afterAll(async () => {
    await harness.stop();
    await Promise.all([smtp.stop(), sms.stop()]);
  });

  const open = (customerId: string) =>
    harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId,
        location: HOME,
        brand: 'Aurora',
        qualityType: 'brakes',
        description: '刹车异响',
        channel: 'phone',
      })
      .expect(201)
      .then((r) => r.body as { ticketId: string; ticketNumber: string });
  const notifications = (ticketId: string): Promise<Notification[]> =>
    harness
      .http()
      .get(`/tickets/${ticketId}/notifications`)
      .set('Authorization', agent)
      .expect(200)
      .then((r) => r.body.items);
  const find = (items: Notification[], kind: string, channel: string) =>
    items.find((n) => n.kind === kind && n.channel === channel) as Notification;
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const smsTo = (phone: string) => sms.received.filter((m) => m.body.to === phone);
  const stationCall = async (ticketId: string, action: string, body: object = {}) =>
    harness
      .http()
      .post(`/station/tickets/${ticketId}/${action}`)
      .set('Authorization', await harness.asStation(stationId))
      .send(body)
      .expect(200);

  it('emails the ticket number and texts the assigned station’s name, address and phone', async () => {
    const customer = await registerCustomer(harness, ['email', 'sms']);
    const ticket = await open(customer.customerId);

    expect(await dispatcher.dispatchDue()).toBe(4);

    const items = await notifications(ticket.ticketId);
    expect(items.map((n) => `${n.kind} ${n.channel} ${n.status}`)).toEqual([
      'ticket-received email sent',
      'ticket-received sms sent',
      'station-assigned email sent',
      'station-assigned sms sent',
    ]);
    const received = find(items, 'ticket-received', 'email');
    const [mail] = mailTo(customer.email).filter((m) => m.text.includes('已收到'));
    expect(mail.subject).toContain(ticket.ticketNumber);
    expect(mail.text).toContain(ticket.ticketNumber);
    expect(mail.headers.get('x-crm-notification-id')).toBe(received.notificationId);
    expect(mail.headers.get('message-id')).toBe(`<${received.notificationId}@notifications.crm.local>`);

    const [assigned] = smsTo(customer.phone).filter((m) => m.body.text?.includes(STATION.name));
    expect(assigned.body.text).toContain('广东省广州市天河区天河路100号');
    expect(assigned.body.text).toContain(STATION.phone);
    expect(assigned.headers.authorization).toBe(`Bearer ${sms.key}`);
    expect(assigned.headers['idempotency-key']).toBe(find(items, 'station-assigned', 'sms').notificationId);
  });

  it('tells the customer the proposed appointment and, once resolved, sends a survey link that opens', async () => {
    const customer = await registerCustomer(harness, ['email']);
    const ticket = await open(customer.customerId);
    await stationCall(ticket.ticketId, 'accept');
    await stationCall(ticket.ticketId, 'appointment', { at: '2026-11-26T01:30:00.000Z' });
    await stationCall(ticket.ticketId, 'resolve', {
      workDone: '更换前刹车片',
      parts: [],
      cost: { amount: 300, currency: 'CNY' },
      technician: '王师傅',
    });

    expect(await dispatcher.dispatchDue()).toBe(4);

    const mails = mailTo(customer.email);
    expect(mails.find((m) => m.subject.includes('预约'))?.text).toContain('2026-11-26 09:30');
    const survey = mails.find((m) => m.text.includes('/survey/'))?.text as string;
    // The link opens the console's survey page (ADR 0048), which answers through GET /survey/{token}.
    const token = /http:\/\/localhost:3000\/console\/survey\/([\w-]+)/.exec(survey)?.[1];
    const opened = await harness.http().get(`/survey/${token}`).expect(200);
    expect(opened.body.ticketNumber).toBe(ticket.ticketNumber);
  });

  it('sends nothing on a channel without consent, and records it as skipped', async () => {
    const customer = await registerCustomer(harness, ['phone'], ['email']);
    const ticket = await open(customer.customerId);

    expect(await dispatcher.dispatchDue()).toBe(0);

    const items = await notifications(ticket.ticketId);
    expect(items).toHaveLength(4);
    for (const n of items)
      expect(n).toMatchObject({ status: 'skipped', skipReason: 'no consent', attempts: 0 });
    expect(mailTo(customer.email)).toEqual([]);
    expect(smsTo(customer.phone)).toEqual([]);
  });

  it('delivers the email once the SMTP server is back, retried with backoff and every attempt recorded', async () => {
    const customer = await registerCustomer(harness, ['email']);
    await smtp.stop();
    const ticket = await open(customer.customerId);

    expect(await dispatcher.dispatchDue()).toBe(2);
    const failed = find(await notifications(ticket.ticketId), 'ticket-received', 'email');
    expect(failed).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(failed.nextAttemptAt).toBe(new Date(clock.now().getTime() + 1_000).toISOString());

    await smtp.listen();
    expect(await dispatcher.dispatchDue()).toBe(0);
    clock.advance(1_000);
    expect(await dispatcher.dispatchDue()).toBe(2);

    const sent = find(await notifications(ticket.ticketId), 'ticket-received', 'email');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sent.history.map((a) => a.error)).toEqual([expect.stringMatching(/ECONNREFUSED/), null]);
    expect(mailTo(customer.email).filter((m) => m.text.includes(ticket.ticketNumber))).toHaveLength(2);
  });

  it('does not double the message when the complaint that caused it is delivered again', async () => {
    const customer = await registerCustomer(harness, ['email']);
    const ticketId = randomUUID();
    const complaint = {
      interactionId: randomUUID(),
      ticketId,
      customerId: customer.customerId,
      vehicleId: null,
      vin: null,
      brand: 'Aurora',
      sellingDealerId: null,
      qualityType: 'brakes' as const,
      description: '刹车异响',
      channel: 'phone' as const,
      location: HOME,
      agentId: 'agent-7',
    };
    const envelope = await harness.publish(ComplaintRecorded, complaint.interactionId, complaint);
    await harness.publishEnvelope(envelope);
    const again = await harness.publish(ComplaintRecorded, complaint.interactionId, complaint);
    await eventually(async () => {
      const consumed = await harness.query(
        `SELECT 1 FROM service.processed_event WHERE consumer = 'complaint-intake' AND event_id::text = ANY($1)`,
        [[envelope.id, again.id]],
      );
      expect(consumed).toHaveLength(2);
    });

    await dispatcher.dispatchDue();

    const mails = mailTo(customer.email);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('已分配维修站'),
      expect.stringContaining('已受理'),
    ]);
  });

  it('resends a message whose sender died before recording it, under the same message id', async () => {
    const customer = await registerCustomer(harness, ['email']);
    const ticket = await open(customer.customerId);
    const leaseUntil = new Date(clock.now().getTime() + 30_000);
    const claimed = await harness.get(NotificationRepository).claimDue(clock.now(), leaseUntil, 10);
    await Promise.all(claimed.map((message) => harness.get(EmailSender).send(message)));

    expect(await dispatcher.dispatchDue()).toBe(0);
    clock.advance(30_000);
    expect(await dispatcher.dispatchDue()).toBe(2);

    const copies = mailTo(customer.email).filter((m) => m.text.includes('已收到'));
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((m: ReceivedEmail) => m.headers.get('message-id'))).size).toBe(1);
    expect(find(await notifications(ticket.ticketId), 'ticket-received', 'email')).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });

  it('forgets where and what was sent when the customer is erased', async () => {
    const customer = await registerCustomer(harness, ['email']);
    const ticket = await open(customer.customerId);
    await harness.publish(CustomerErased, customer.customerId, {
      customerId: customer.customerId,
      erasedAt: clock.now().toISOString(),
    });

    await eventually(async () => {
      const items = await notifications(ticket.ticketId);
      expect(items.filter((n) => n.recipient === customer.email)).toEqual([]);
    });
    const rows = await harness.query(`SELECT 1 FROM service.customer_contact WHERE customer_id = $1`, [
      customer.customerId,
    ]);
    expect(rows).toEqual([]);
    expect(await dispatcher.dispatchDue()).toBe(0);
  });
});
