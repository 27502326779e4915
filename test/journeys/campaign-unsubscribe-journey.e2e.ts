import { eventually, LoopbackSmtpServer, ReceivedEmail } from '@crm/testing';
import { PlatformUnderTest } from './platform-under-test';

const EMAIL = 'meimei.han@example.cn';

/**
 * A person registered at the customer master gets a campaign mail through a real SMTP server, clicks its one-click
 * unsubscribe, and the customer master withdraws their email consent, which flows back to campaigns' replica.
 */
describe('journey: a campaign mail, its one-click unsubscribe, and the consent withdrawn at the customer master', () => {
  let platform: PlatformUnderTest;
  let smtp: LoopbackSmtpServer;
  let agent: string;
  let marketer: string;
  let customerId: string;
  let mail: ReceivedEmail;

  beforeAll(async () => {
    smtp = await LoopbackSmtpServer.start();
    platform = await PlatformUnderTest.start({
      campaigns: { CAMPAIGNS_SMTP_URL: smtp.url, CAMPAIGNS_SEND_POLL_INTERVAL_MS: 200 },
    });
    agent = await platform.as(['agent']);
    marketer = await platform.as(['marketer']);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp?.stop();
  });

  it('mails the consenting customer once the campaign is scheduled', async () => {
    customerId = (
      await platform
        .customerMaster()
        .post('/customers')
        .set('Authorization', agent)
        .send({
          kind: 'person',
          name: '韩梅梅',
          emails: [EMAIL],
          tags: ['unsubscribe-journey'],
          consents: [{ channel: 'email', granted: true, source: 'call-center' }],
        })
        .expect(201)
    ).body.id;
    await eventually(async () => {
      const rows = await platform.query('campaigns', `SELECT 1 FROM campaigns.customer WHERE id = $1`, [
        customerId,
      ]);
      expect(rows).toHaveLength(1);
    }, 30_000);
    const segment = await platform
      .campaigns()
      .post('/segments')
      .set('Authorization', marketer)
      .send({ name: 'journey', rule: { field: 'tag', has: 'unsubscribe-journey' } })
      .expect(201);
    const campaign = await platform
      .campaigns()
      .post('/campaigns')
      .set('Authorization', marketer)
      .send({
        name: '试驾邀请',
        channel: 'email',
        segmentId: segment.body.id,
        template: { 'zh-CN': { subject: '{{name}}，邀您试驾', body: '{{name}}您好，欢迎试驾。' } },
      })
      .expect(201);
    await platform
      .campaigns()
      .post(`/campaigns/${campaign.body.id}/schedule`)
      .set('Authorization', marketer)
      .expect(200);
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
    await eventually(async () => {
      const { body } = await platform
        .customerMaster()
        .get(`/customers/${customerId}`)
        .set('Authorization', agent)
        .expect(200);
      expect(body.consents).toEqual([
        expect.objectContaining({ channel: 'email', granted: false, source: 'campaign-unsubscribe' }),
      ]);
    }, 30_000);
    await eventually(async () => {
      const rows = await platform.query(
        'campaigns',
        `SELECT granted FROM campaigns.customer_consent WHERE customer_id = $1 AND channel = 'email'`,
        [customerId],
      );
      expect(rows).toEqual([{ granted: false }]);
    }, 30_000);
  }, 90_000);
});
