import { randomBytes } from 'node:crypto';
import { eventually, LoopbackSmsGateway, LoopbackSmtpServer, ReceivedEmail } from '@crm/testing';
import { PlatformUnderTest } from './platform-under-test';

const EMAIL = 'meimei.han@example.cn';
const PHONE = '+8613900002222';
const GATEWAY_SECRET = randomBytes(32).toString('base64url');

/**
 * A person registered at the customer master gets a campaign mail through a real SMTP server, clicks its one-click
 * unsubscribe, and the customer master withdraws their email consent, which flows back to campaigns' replica. Another
 * answers a campaign SMS with 退订 through the gateway, and their SMS consent goes the same way.
 */
describe('journey: a campaign mail or SMS, its opt-out, and the consent withdrawn at the customer master', () => {
  let platform: PlatformUnderTest;
  let smtp: LoopbackSmtpServer;
  let gateway: LoopbackSmsGateway;
  let agent: string;
  let marketer: string;
  let customerId: string;
  let mail: ReceivedEmail;

  beforeAll(async () => {
    smtp = await LoopbackSmtpServer.start();
    gateway = await LoopbackSmsGateway.start();
    platform = await PlatformUnderTest.start({
      campaigns: {
        CAMPAIGNS_SMTP_URL: smtp.url,
        CAMPAIGNS_SEND_POLL_INTERVAL_MS: 200,
        CAMPAIGNS_SMS_GATEWAY_URL: gateway.url,
        CAMPAIGNS_SMS_GATEWAY_KEY: gateway.key,
        CAMPAIGNS_SMS_INBOUND_SECRET: GATEWAY_SECRET,
        // The journey runs at any hour; SMS quiet hours would hold the text until morning.
        CAMPAIGNS_SMS_QUIET_HOURS: 'off',
      },
    });
    agent = await platform.as(['agent']);
    marketer = await platform.as(['marketer']);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp?.stop();
    await gateway?.stop();
  });

  /** Registers the person at the customer master and waits until campaigns' replica holds them; their id. */
  const register = async (person: Record<string, unknown>): Promise<string> => {
    const { body } = await platform
      .customerMaster()
      .post('/customers')
      .set('Authorization', agent)
      .send({ kind: 'person', ...person })
      .expect(201);
    await eventually(async () => {
      const rows = await platform.query('campaigns', `SELECT 1 FROM campaigns.customer WHERE id = $1`, [
        body.id,
      ]);
      expect(rows).toHaveLength(1);
    }, 30_000);
    return body.id;
  };

  /** A campaign to everyone tagged `tag`, scheduled now. */
  const launch = async (tag: string, campaign: Record<string, unknown>): Promise<void> => {
    const segment = await platform
      .campaigns()
      .post('/segments')
      .set('Authorization', marketer)
      .send({ name: tag, rule: { field: 'tag', has: tag } })
      .expect(201);
    const created = await platform
      .campaigns()
      .post('/campaigns')
      .set('Authorization', marketer)
      .send({ ...campaign, segmentId: segment.body.id })
      .expect(201);
    await platform
      .campaigns()
      .post(`/campaigns/${created.body.id}/schedule`)
      .set('Authorization', marketer)
      .expect(200);
  };

  /** The customer's consent on `channel` at the customer master, then in campaigns' replica, once both agree. */
  const expectWithdrawn = async (id: string, channel: 'email' | 'sms', source: string) => {
    await eventually(async () => {
      const { body } = await platform
        .customerMaster()
        .get(`/customers/${id}`)
        .set('Authorization', agent)
        .expect(200);
      expect(body.consents).toContainEqual(expect.objectContaining({ channel, granted: false, source }));
    }, 30_000);
    await eventually(async () => {
      const rows = await platform.query(
        'campaigns',
        `SELECT granted FROM campaigns.customer_consent WHERE customer_id = $1 AND channel = $2`,
        [id, channel],
      );
      expect(rows).toEqual([{ granted: false }]);
    }, 30_000);
  };

  it('mails the consenting customer once the campaign is scheduled', async () => {
    customerId = await register({
      name: '韩梅梅',
      emails: [EMAIL],
      tags: ['unsubscribe-journey'],
      consents: [{ channel: 'email', granted: true, source: 'call-center' }],
    });
    await launch('unsubscribe-journey', {
      name: '试驾邀请',
      channel: 'email',
      template: { 'zh-CN': { subject: '{{name}}，邀您试驾', body: '{{name}}您好，欢迎试驾。' } },
    });
    await eventually(() => expect(smtp.received).toHaveLength(1), 30_000);
    [mail] = smtp.received;
    expect(mail).toMatchObject({ to: [EMAIL], subject: '韩梅梅，邀您试驾' });
  }, 60_000);

  it('withdraws the email consent at the customer master, and campaigns learns it back', async () => {
    const link = new URL((mail.headers.get('list-unsubscribe') as string).slice(1, -1));
    await platform
      .campaigns()
      .post(link.pathname)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    await expectWithdrawn(customerId, 'email', 'campaign-unsubscribe');
  }, 90_000);

  it('withdraws the SMS consent when the customer answers a campaign SMS with 退订 through the gateway', async () => {
    const smsCustomerId = await register({
      name: '李雷',
      phones: [PHONE],
      tags: ['sms-reply-journey'],
      consents: [{ channel: 'sms', granted: true, source: 'call-center' }],
    });
    await launch('sms-reply-journey', {
      name: '保养提醒',
      channel: 'sms',
      template: { providerTemplateId: 'SMS_1357', params: { name: 'name' } },
    });
    await eventually(() => expect(gateway.received.map((sms) => sms.body.to)).toEqual([PHONE]), 30_000);
    const reply = (secret: string) =>
      platform
        .campaigns()
        .post('/sms/replies')
        .set('X-SMS-Gateway-Secret', secret)
        .send({ from: '13900002222', text: '退订' });
    await reply('not-the-gateway').expect(403);
    expect((await reply(GATEWAY_SECRET).expect(200)).body).toEqual({ optedOut: 1 });
    await expectWithdrawn(smsCustomerId, 'sms', 'campaign-unsubscribe');
  }, 90_000);
});
