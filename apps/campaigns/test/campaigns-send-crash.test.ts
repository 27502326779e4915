import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { CustomerRegistered, CustomerState, CustomerUpdated, Roles } from '@crm/contracts';
import { eventually, LoopbackSmtpServer } from '@crm/testing';
import { forkServer } from '../../../test/bench/bench-process';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState } from './customer-fixture';

const MEMBERS = 80;
const KILL_AFTER_MAILS = 20;

const members = Array.from({ length: MEMBERS }, (_, i) =>
  customerState({
    name: `客户${i}`,
    tags: ['crash-test'],
    emails: [`member${i}@example.cn`],
    consents: [consent('email', true)],
  }),
);
/** Consent withdrawn after the freeze, before the send: the sender checks again and skips them. */
const withdrawn = members[MEMBERS - 1];

describe('a sender killed with SIGKILL mid-batch, then restarted', () => {
  let harness: CampaignsHarness;
  let smtp: LoopbackSmtpServer;
  let marketer: string;
  let campaignId: string;
  const senders: ChildProcess[] = [];
  const secret = randomBytes(32).toString('base64url');

  const startSender = async () => {
    const sender = forkServer(join(__dirname, 'campaign-sender.process.ts'), {
      DATABASE_URL: harness.database.url,
      CAMPAIGNS_SMTP_URL: smtp.url,
      CAMPAIGNS_EMAIL_RATE_PER_SECOND: '500',
      CAMPAIGNS_UNSUBSCRIBE_SECRET: secret,
    });
    senders.push(sender);
    const [started] = await Promise.race([once(sender, 'message'), once(sender, 'exit')]);
    if (!started?.ready) throw new Error('the sender process stopped before it was ready');
    return sender;
  };
  const progress = async () =>
    (await harness.http().get(`/campaigns/${campaignId}/progress`).set('Authorization', marketer).expect(200))
      .body;

  beforeAll(async () => {
    // Each message is held a little before it is accepted, so the kill lands with sends in flight.
    smtp = await LoopbackSmtpServer.start({ acceptAfterMs: 40 });
    // No SMTP server for the app itself: it freezes and closes campaigns, the forked sender sends.
    harness = await CampaignsHarness.start({
      campaigns: { CAMPAIGNS_SEND_POLL_INTERVAL_MS: 100, CAMPAIGNS_UNSUBSCRIBE_SECRET: secret },
    });
    marketer = await harness.auth({ roles: [Roles.marketer] });
    for (const member of members) await harness.publish(CustomerRegistered, member.customerId, member);
    await eventually(async () => {
      const [row] = await harness.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM campaigns.customer`,
      );
      expect(row.count).toBe(MEMBERS);
    }, 30_000);
    const segment = await harness
      .http()
      .post('/segments')
      .set('Authorization', marketer)
      .send({ name: 'crash', rule: { field: 'tag', has: 'crash-test' } })
      .expect(201);
    campaignId = (
      await harness
        .http()
        .post('/campaigns')
        .set('Authorization', marketer)
        .send({
          name: 'crash',
          channel: 'email',
          segmentId: segment.body.id,
          template: { 'zh-CN': { subject: '{{name}}', body: '{{name}}您好' } },
        })
        .expect(201)
    ).body.id;
    await harness.http().post(`/campaigns/${campaignId}/schedule`).set('Authorization', marketer).expect(200);
    await eventually(async () =>
      expect(await progress()).toMatchObject({ status: 'sending', queued: MEMBERS }),
    );
    const withdrawal: CustomerState = {
      ...withdrawn,
      consents: [consent('email', false, new Date().toISOString())],
    };
    await harness.publish(CustomerUpdated, withdrawn.customerId, {
      ...withdrawal,
      changedFields: ['consents'],
    });
    await eventually(async () => {
      const rows = await harness.query(
        `SELECT 1 FROM campaigns.customer_consent WHERE customer_id = $1 AND NOT granted`,
        [withdrawn.customerId],
      );
      expect(rows).toHaveLength(1);
    });
  }, 120_000);

  afterAll(async () => {
    for (const sender of senders)
      if (sender.exitCode === null && sender.signalCode === null) sender.kill('SIGKILL');
    await harness?.stop();
    await smtp?.stop();
  });

  it('ends with exactly one distinct mail per consenting recipient and none to the one who withdrew', async () => {
    const first = await startSender();
    // A forked sender compiles its TypeScript on start: slow on a busy machine.
    await eventually(
      async () => expect(smtp.received.length).toBeGreaterThanOrEqual(KILL_AFTER_MAILS),
      90_000,
      5,
    );
    first.kill('SIGKILL');
    await once(first, 'exit');
    const atKill = await progress();
    expect(atKill.sent).toBeLessThan(MEMBERS - 1);
    expect(atKill.queued).toBeGreaterThan(0);

    await startSender();
    await eventually(async () => expect(await progress()).toMatchObject({ status: 'sent' }), 60_000, 200);

    const byRecipient = new Map<string, Set<string>>();
    for (const mail of smtp.received) {
      const ids = byRecipient.get(mail.to[0]) ?? new Set<string>();
      ids.add(mail.headers.get('message-id') as string);
      byRecipient.set(mail.to[0], ids);
    }
    const consenting = members.filter((member) => member !== withdrawn).map((member) => member.emails[0]);
    expect([...byRecipient.keys()].sort()).toEqual([...consenting].sort());
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    // The only repeats are sends the server accepted just before the kill, before the sender could record them.
    const repeats = smtp.received.length - consenting.length;
    expect(repeats).toBeLessThanOrEqual(50);
    expect(await progress()).toEqual({
      campaignId,
      status: 'sent',
      total: MEMBERS,
      queued: 0,
      sent: MEMBERS - 1,
      failed: 0,
      heldOut: 0,
      skipped: { no_consent: 1, no_address: 0, erased: 0, frequency_cap: 0 },
    });
    console.log(
      `crash mid-send: ${smtp.received.length} mails accepted for ${consenting.length} recipients (${repeats} repeats)`,
    );
  }, 120_000);
});
