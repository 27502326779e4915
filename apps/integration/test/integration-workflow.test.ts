import { randomUUID } from 'node:crypto';
import {
  CustomerErased,
  CustomerTagRequested,
  EventEnvelope,
  Roles,
  TicketAssignmentRequested,
  TicketEscalationRequested,
  TicketOpened,
} from '@crm/contracts';
import { deliver, eventually, LoopbackSmsGateway, LoopbackSmtpServer } from '@crm/testing';
import { MessageTransport } from '@crm/messaging';
import { AddTagAction } from '../src/workflow/actions/add-tag.action';
import { WorkflowScheduler } from '../src/workflow/schedules/workflow-scheduler';
import { IntegrationHarness } from './integration.harness';
import { CallSubscriberReceiver } from './call-subscriber-receiver';
import { criticalTicketRule, openedTicket } from './workflow-fixture';

const MAX_ATTEMPTS = 3;
/** The workflow consumer reads every topic: its group can take long to join on a busy machine. */
const JOIN_TIMEOUT_MS = 90_000;
const WAIT_MS = 30_000;

interface Firing {
  firingId: string;
  sourceKey: string;
  status: string;
  attempts: number;
  history: { attempt: number; error: string | null; actions?: { outcome: string }[] }[];
  actions: { type: string; title?: string }[];
}

describe('workflow rules', () => {
  let harness: IntegrationHarness;
  let receiver: CallSubscriberReceiver;
  let failing: CallSubscriberReceiver;
  let smtp: LoopbackSmtpServer;
  let sms: LoopbackSmsGateway;
  let admin: string;

  const firingsOf = async (ruleId: string): Promise<Firing[]> =>
    (
      await harness
        .http()
        .get(`/workflow/rules/${ruleId}/firings?limit=100`)
        .set('Authorization', admin)
        .expect(200)
    ).body.items;
  const addRule = async (rule: object): Promise<string> =>
    (await harness.http().post('/workflow/rules').set('Authorization', admin).send(rule).expect(201)).body
      .ruleId;
  const tasksOfRule = (ruleId: string) =>
    harness.query<{ title: string; firing_id: string }>(
      `SELECT title, firing_id FROM integration.workflow_task WHERE rule_id = $1`,
      [ruleId],
    );

  beforeAll(async () => {
    receiver = await CallSubscriberReceiver.start();
    failing = await CallSubscriberReceiver.start({ status: 500 });
    smtp = await LoopbackSmtpServer.start();
    sms = await LoopbackSmsGateway.start();
    harness = await IntegrationHarness.start({
      integration: {
        INTEGRATION_WORKFLOW_POLL_INTERVAL_MS: 100,
        INTEGRATION_WORKFLOW_MAX_ATTEMPTS: MAX_ATTEMPTS,
        INTEGRATION_WORKFLOW_SMTP_URL: smtp.url,
        INTEGRATION_WORKFLOW_SMS_GATEWAY_URL: sms.url,
        INTEGRATION_WORKFLOW_SMS_GATEWAY_KEY: sms.key,
        INTEGRATION_WORKFLOW_INTERNAL_EMAIL_DOMAINS: 'staff.example',
        INTEGRATION_WORKFLOW_INTERNAL_PHONES: '+8613800000001',
      },
    });
    admin = await harness.auth({ roles: [Roles.admin] });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await receiver?.stop();
    await failing?.stop();
    await smtp?.stop();
    await sms?.stop();
  });

  describe('configuration', () => {
    it('is for admins only: 403 for staff and partners', async () => {
      const agent = await harness.auth({ roles: [Roles.agent] });
      const dealer = await harness.auth({
        roles: [Roles.dealer],
        partnerId: '6a0d3c1e-1f7e-4c55-8d7c-1b1b2f3a4c5d',
      });
      for (const caller of [agent, dealer]) {
        await harness
          .http()
          .post('/workflow/rules')
          .set('Authorization', caller)
          .send(criticalTicketRule(receiver.url))
          .expect(403);
        await harness.http().get('/workflow/rules').set('Authorization', caller).expect(403);
        await harness
          .http()
          .post('/workflow/rules/dry-run')
          .set('Authorization', caller)
          .send({ rule: criticalTicketRule(receiver.url) })
          .expect(403);
      }
    });

    it('answers 400 naming an unknown event type', async () => {
      const rule = {
        ...criticalTicketRule(receiver.url),
        trigger: { event: 'ticket.teleported' },
        condition: undefined,
      };
      const response = await harness
        .http()
        .post('/workflow/rules')
        .set('Authorization', admin)
        .send(rule)
        .expect(400);
      expect(response.body.errors).toEqual([
        { field: 'trigger.event', message: 'unknown event type ticket.teleported' },
      ]);
    });

    it('answers 400 naming a field the event does not have, in the condition and in a template', async () => {
      const rule = criticalTicketRule(receiver.url);
      rule.condition = {
        all: [
          { field: 'severity', op: 'eq', value: 'critical' },
          { field: 'vehicle.colour', op: 'exists' } as never,
        ],
      };
      rule.actions[0] = { ...rule.actions[0], title: 'Ticket {{ticketNumbr}}' } as (typeof rule.actions)[0];
      const response = await harness
        .http()
        .post('/workflow/rules')
        .set('Authorization', admin)
        .send(rule)
        .expect(400);
      expect(response.body.errors).toEqual([
        { field: 'condition.all[1].field', message: 'ticket.opened has no field vehicle.colour' },
        { field: 'actions[0].title', message: 'ticket.opened has no field ticketNumbr' },
      ]);
    });

    it('answers 400 naming a bad cron, an unknown action and a refused subscriber URL', async () => {
      const response = await harness
        .http()
        .post('/workflow/rules')
        .set('Authorization', admin)
        .send({
          name: 'bad',
          trigger: { cron: '61 * * * *' },
          actions: [{ type: 'launch-rocket' }, { type: 'call-subscriber', url: 'ftp://example.com/x' }],
        })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'trigger.cron',
        'actions[0].type',
        'actions[1].url',
      ]);
    });

    it('replaces a rule only from the version read: 409 with currentVersion otherwise', async () => {
      const ruleId = await addRule({ ...criticalTicketRule(receiver.url, 'versioned'), enabled: false });
      const edit = { ...criticalTicketRule(receiver.url, 'versioned, renamed'), enabled: false };
      const replaced = await harness
        .http()
        .put(`/workflow/rules/${ruleId}`)
        .set('Authorization', admin)
        .send({ ...edit, version: 1 })
        .expect(200);
      expect(replaced.body).toMatchObject({ version: 2, name: 'versioned, renamed', enabled: false });
      const stale = await harness
        .http()
        .put(`/workflow/rules/${ruleId}`)
        .set('Authorization', admin)
        .send({ ...edit, version: 1 })
        .expect(409);
      expect(stale.body.currentVersion).toBe(2);
    });
  });

  describe('firing', () => {
    let ruleId: string;

    beforeAll(async () => {
      ruleId = await addRule(criticalTicketRule(receiver.url));
    });

    it('fires once for a matching event, not for one that does not match, and not again for a duplicate', async () => {
      const critical = await harness.publish(TicketOpened, 'a', openedTicket());
      const low = await harness.publish(TicketOpened, 'b', openedTicket({ severity: 'low' }));
      await eventually(async () => {
        const firings = await firingsOf(ruleId);
        expect(firings.map((f) => [f.sourceKey, f.status])).toEqual([[critical.id, 'succeeded']]);
      }, JOIN_TIMEOUT_MS);
      await deliver(harness.app.get(MessageTransport), critical);
      // Something after the duplicate on the same partition: once it is handled, the duplicate was too.
      const after = await harness.publish(TicketOpened, critical.aggregateId, openedTicket());
      await eventually(async () => expect(await firingsOf(ruleId)).toHaveLength(2), WAIT_MS);
      const firings = await firingsOf(ruleId);
      expect(firings.map((f) => f.sourceKey).sort()).toEqual([critical.id, after.id].sort());
      expect(firings.map((f) => f.sourceKey)).not.toContain(low.id);
      await eventually(async () => expect(receiver.keys.size).toBe(2), WAIT_MS);
      expect(receiver.requests).toBe(2);
      const tasks = await tasksOfRule(ruleId);
      expect(tasks).toHaveLength(2);
      expect(tasks.map((t) => t.title)).toContain(
        `Call back about ${(critical.payload as { ticketNumber: string }).ticketNumber} (engine)`,
      );
    }, 150_000);

    it('lets the assignee role list and complete its tasks, and nobody else', async () => {
      const manager = await harness.auth({ roles: [Roles.serviceManager], sub: 'manager-1' });
      const agent = await harness.auth({ roles: [Roles.agent] });
      const mine = await harness.http().get('/workflow/tasks').set('Authorization', manager).expect(200);
      expect(mine.body.items.length).toBeGreaterThanOrEqual(2);
      expect(
        (await harness.http().get('/workflow/tasks').set('Authorization', agent).expect(200)).body.items,
      ).toEqual([]);
      const taskId = mine.body.items[0].taskId;
      await harness.http().post(`/workflow/tasks/${taskId}/complete`).set('Authorization', agent).expect(403);
      const done = await harness
        .http()
        .post(`/workflow/tasks/${taskId}/complete`)
        .set('Authorization', manager)
        .expect(200);
      expect(done.body).toMatchObject({ status: 'done' });
      const dealer = await harness.auth({
        roles: [Roles.dealer],
        partnerId: '6a0d3c1e-1f7e-4c55-8d7c-1b1b2f3a4c5d',
      });
      await harness.http().get('/workflow/tasks').set('Authorization', dealer).expect(403);
    });

    it('retries a failing action, records each attempt, fails the firing, and the next event still fires', async () => {
      const failingRule = await addRule({
        name: 'failing subscriber',
        trigger: { event: 'ticket.opened' },
        condition: { field: 'qualityType', op: 'eq', value: 'brakes' },
        actions: [{ type: 'call-subscriber', url: failing.url }],
      });
      const first = await harness.publish(TicketOpened, 'c', openedTicket({ qualityType: 'brakes' }));
      await eventually(async () => {
        const [firing] = await firingsOf(failingRule);
        expect(firing).toMatchObject({ sourceKey: first.id, status: 'failed', attempts: MAX_ATTEMPTS });
        expect(firing.history.map((h) => h.error)).toEqual(Array(MAX_ATTEMPTS).fill('HTTP 500'));
      }, 30_000);
      expect(failing.requests).toBe(MAX_ATTEMPTS);
      const next = await harness.publish(TicketOpened, 'c', openedTicket({ qualityType: 'brakes' }));
      await eventually(async () => {
        expect((await firingsOf(failingRule)).map((f) => f.sourceKey)).toContain(next.id);
        expect((await firingsOf(ruleId)).map((f) => f.sourceKey)).toEqual(
          expect.arrayContaining([first.id, next.id]),
        );
      }, WAIT_MS);
    }, 60_000);
  });

  describe('send-message', () => {
    const messageRule = (to: string[]) => ({
      name: 'tell the desk',
      trigger: { event: 'ticket.opened' },
      condition: { field: 'qualityType', op: 'eq', value: 'transmission' },
      actions: [
        {
          type: 'send-message',
          channel: 'email',
          to,
          subject: 'Ticket {{ticketNumber}}',
          text: '{{description}}',
        },
        { type: 'send-message', channel: 'sms', to: ['+8613800000001'], text: 'Ticket {{ticketNumber}}' },
      ],
    });

    it('writes only to staff: a customer address is a 400 naming it', async () => {
      const response = await harness
        .http()
        .post('/workflow/rules')
        .set('Authorization', admin)
        .send(messageRule(['desk@staff.example', 'someone@mail.example']))
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['actions[0].to[1]']);
    });

    it('sends the templated email and SMS once, keyed by the firing', async () => {
      const ruleId = await addRule(messageRule(['desk@staff.example']));
      const event = await harness.publish(TicketOpened, 'e', openedTicket({ qualityType: 'transmission' }));
      const ticketNumber = (event.payload as { ticketNumber: string }).ticketNumber;
      await eventually(async () => {
        const [firing] = await firingsOf(ruleId);
        expect(firing).toMatchObject({ sourceKey: event.id, status: 'succeeded' });
      }, WAIT_MS);
      const [firing] = await firingsOf(ruleId);
      expect(smtp.received.map((mail) => [mail.to, mail.subject, mail.text.trim()])).toEqual([
        [['desk@staff.example'], `Ticket ${ticketNumber}`, 'engine stalls on the highway'],
      ]);
      expect(smtp.received[0].headers.get('message-id')).toBe(`<${firing.firingId}.0.0@workflow.crm>`);
      expect(sms.received.map((text) => [text.body, text.headers['idempotency-key']])).toEqual([
        [{ to: '+8613800000001', text: `Ticket ${ticketNumber}` }, `${firing.firingId}.1.0`],
      ]);
    });
  });

  describe('erasure', () => {
    it("drops an erased customer's events from the kept events and the firings' records", async () => {
      const ruleId = await addRule(criticalTicketRule(receiver.url, 'erasure'));
      const ticket = openedTicket({ qualityType: 'infotainment' });
      const event = await harness.publish(TicketOpened, 'f', ticket);
      await eventually(async () => {
        const firings = await firingsOf(ruleId);
        expect(firings.find((f) => f.sourceKey === event.id)?.status).toBe('succeeded');
      }, WAIT_MS);
      await harness.publish(CustomerErased, ticket.customerId, {
        customerId: ticket.customerId,
        erasedAt: new Date().toISOString(),
      });
      await eventually(async () => {
        const firing = (await firingsOf(ruleId)).find((f) => f.sourceKey === event.id);
        expect(firing).toMatchObject({ input: { erased: true }, actions: [], status: 'succeeded' });
      }, WAIT_MS);
      expect(
        await harness.query(`SELECT 1 FROM integration.workflow_recent_event WHERE event_id = $1`, [
          event.id,
        ]),
      ).toEqual([]);
    });
  });

  describe('dry run', () => {
    it('returns the recent events that would fire, with the rendered actions, and changes nothing', async () => {
      const matching = await harness.publish(TicketOpened, 'd', openedTicket({ qualityType: 'electrical' }));
      await harness.publish(TicketOpened, 'd', openedTicket({ qualityType: 'electrical', severity: 'low' }));
      await eventually(async () => {
        const [row] = await harness.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM integration.workflow_recent_event WHERE envelope->'payload'->>'qualityType' = 'electrical'`,
        );
        expect(row.count).toBe(2);
      }, WAIT_MS);
      const counts = () =>
        harness.query<{ firings: number; tasks: number }>(
          `SELECT (SELECT count(*)::int FROM integration.workflow_firing) AS firings,
                  (SELECT count(*)::int FROM integration.workflow_task) AS tasks`,
        );
      const before = await counts();
      const requestsBefore = receiver.requests;
      const rule = criticalTicketRule(receiver.url, 'electrical, dry');
      rule.condition.all.push({ field: 'qualityType', op: 'in', value: ['electrical'] } as never);
      const response = await harness
        .http()
        .post('/workflow/rules/dry-run')
        .set('Authorization', admin)
        .send({ rule })
        .expect(200);
      expect(response.body.matches).toHaveLength(1);
      expect(response.body.matches[0]).toMatchObject({
        eventId: matching.id,
        actions: [
          {
            type: 'create-task',
            title: `Call back about ${(matching.payload as { ticketNumber: string }).ticketNumber} (electrical)`,
          },
          { type: 'call-subscriber', url: receiver.url },
        ],
      });
      expect(response.body.evaluated).toBeGreaterThanOrEqual(2);
      expect(await counts()).toEqual(before);
      expect(receiver.requests).toBe(requestsBefore);
      const bad = await harness
        .http()
        .post('/workflow/rules/dry-run')
        .set('Authorization', admin)
        .send({ rule: { ...rule, trigger: { event: 'nope.happened' } } })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('rule.trigger.event');
    });
  });

  describe('cron', () => {
    it('fires each owed occurrence once, however often the scheduler runs', async () => {
      const ruleId = await addRule({
        name: 'every minute',
        trigger: { cron: '* * * * *', timezone: 'UTC' },
        actions: [
          {
            type: 'create-task',
            title: 'Daily check {{scheduledAt}}',
            assignee: { userId: 'ops-1' },
            dueInMinutes: 30,
          },
        ],
      });
      // As if the scheduler had been down for the last three minutes: three occurrences are owed.
      const [[{ cursor }]] = await harness.query<[{ cursor: Date }]>(
        `UPDATE integration.workflow_rule SET schedule_cursor = date_trunc('minute', now()) - interval '3 minutes'
          WHERE rule_id = $1 RETURNING schedule_cursor AS cursor`,
        [ruleId],
      );
      const scheduler = harness.app.get(WorkflowScheduler);
      await Promise.all([scheduler.runDue(), scheduler.runDue()]);
      await eventually(async () => {
        const firings = await firingsOf(ruleId);
        expect(firings.length).toBeGreaterThanOrEqual(3);
        expect(firings.every((f) => f.status === 'succeeded')).toBe(true);
      }, WAIT_MS);
      await scheduler.runDue();
      const firings = await firingsOf(ruleId);
      const keys = firings.map((f) => f.sourceKey);
      expect(new Set(keys).size).toBe(keys.length);
      const expected = [1, 2, 3].map(
        (minutes) => `cron:${new Date(cursor.getTime() + minutes * 60_000).toISOString()}`,
      );
      expect(keys).toEqual(expect.arrayContaining(expected));
      expect(await tasksOfRule(ruleId)).toHaveLength(firings.length);
    });
  });

  describe('commands to the owning services, and retention', () => {
    const authorisedStation = randomUUID();
    const commandRule = {
      name: 'tag and escalate critical tickets',
      trigger: { event: 'ticket.opened' },
      condition: { all: [{ field: 'severity', op: 'eq', value: 'critical' }] },
      actions: [
        { type: 'add-tag', tag: 'critical-{{qualityType}}' },
        { type: 'escalate-ticket', note: 'critical {{ticketNumber}}' },
        { type: 'assign-ticket', stationId: authorisedStation, note: 'critical {{qualityType}}' },
      ],
    };

    it('answers 400 naming a template field the event does not have, and a missing tag', async () => {
      const response = await harness
        .http()
        .post('/workflow/rules')
        .set('Authorization', admin)
        .send({
          ...commandRule,
          actions: [
            { type: 'add-tag', customerId: '{{ownerId}}', tag: 'x' },
            { type: 'add-tag' },
            { type: 'assign-ticket', note: 'x' },
          ],
        })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'actions[0].customerId',
        'actions[1].tag',
        'actions[2].stationId',
      ]);
    });

    it('sends one add-tag, one escalation and one assignment command per firing, keyed by the record, even when run again', async () => {
      const ruleId = await addRule(commandRule);
      const ticket = openedTicket();
      await harness.publish(TicketOpened, ticket.ticketId, ticket);
      await eventually(async () => {
        expect((await firingsOf(ruleId)).map((f) => f.status)).toEqual(['succeeded']);
      }, WAIT_MS);
      const tags = await harness.outbox(CustomerTagRequested.type);
      const escalations = await harness.outbox(TicketEscalationRequested.type);
      const assignments = await harness.outbox(TicketAssignmentRequested.type);
      const [firing] = await firingsOf(ruleId);
      const ofFiring = (events: EventEnvelope[]) =>
        events.filter((e) => (e.payload as { firingId: string }).firingId === firing.firingId);
      expect(ofFiring(tags).map((e) => [e.aggregateId, e.payload])).toEqual([
        [
          ticket.customerId,
          expect.objectContaining({ customerId: ticket.customerId, tag: 'critical-engine' }),
        ],
      ]);
      expect(ofFiring(escalations).map((e) => [e.aggregateId, e.payload])).toEqual([
        [ticket.ticketId, expect.objectContaining({ note: `critical ${ticket.ticketNumber}` })],
      ]);
      expect(ofFiring(assignments).map((e) => [e.aggregateId, e.payload])).toEqual([
        [ticket.ticketId, expect.objectContaining({ stationId: authorisedStation, note: 'critical engine' })],
      ]);
      // A retry after a crash between the command and the firing's record: nothing more is sent.
      await harness.app.get(AddTagAction).execute(firing.actions[0] as never, {
        firingId: firing.firingId,
        ruleId,
        actionIndex: 0,
        idempotencyKey: `${firing.firingId}.0`,
      });
      expect(ofFiring(await harness.outbox(CustomerTagRequested.type))).toHaveLength(1);
    });

    it('purges finished firings past the retention, keeping those whose task is still open', async () => {
      const scheduler = harness.app.get(WorkflowScheduler);
      const openTaskFirings = await harness.query<{ firing_id: string }>(
        `SELECT firing_id FROM integration.workflow_task WHERE status = 'open'`,
      );
      expect(openTaskFirings.length).toBeGreaterThan(0);
      const finished = await harness.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM integration.workflow_firing WHERE status <> 'pending'`,
      );
      expect((await scheduler.purge(new Date())).firings).toBe(0);
      const { firings } = await scheduler.purge(new Date(Date.now() + 91 * 86_400_000));
      expect(firings).toBeGreaterThan(0);
      expect(firings).toBeLessThanOrEqual(finished[0].n);
      const left = await harness.query<{ firing_id: string; has_open_task: boolean }>(
        `SELECT f.firing_id, EXISTS (SELECT 1 FROM integration.workflow_task t
                                      WHERE t.firing_id = f.firing_id AND t.status = 'open') AS has_open_task
           FROM integration.workflow_firing f WHERE f.status <> 'pending'`,
      );
      expect(left.every((row) => row.has_open_task)).toBe(true);
    });
  });
});
