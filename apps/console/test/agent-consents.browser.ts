import { Browser, Page } from 'playwright-core';
import { launchChromium, newDesk, seriousViolations, shoot, signIn } from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';

interface Customer360 {
  consents: { channel: string; granted: boolean }[];
}

const ARRIVES_WITHIN_MS = 60_000;

/** The 360 shows every consent the customer master keeps, website tracking included (ADR 0055). */
describe('consents on the agent desktop 360, website tracking included', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let page: Page;
  let customerId: string;

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    ({ id: customerId } = await crm.api<{ id: string }>('agent', '/customers?allowDuplicate=true', {
      method: 'POST',
      body: JSON.stringify({
        kind: 'person',
        name: `网站授权 ${Date.now().toString(36)}`,
        consents: [
          { channel: 'email', granted: false, source: 'call-center' },
          { channel: 'web', granted: true, source: 'website-banner' },
        ],
      }),
    }));
    const deadline = Date.now() + ARRIVES_WITHIN_MS;
    const arrived = async () =>
      (await crm.api<Customer360>('agent', `/customers/${customerId}/360`)).consents.length === 2;
    while (!(await arrived())) {
      if (Date.now() > deadline) throw new Error('the consents did not reach the call center in time');
      await new Promise((wait) => setTimeout(wait, 1000));
    }
    ({ page } = await newDesk(browser));
    await signIn(crm, page, 'agent');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  it('names the website tracking consent beside the contact channels, in Chinese', async () => {
    await page.goto(`${crm.url}/console/agent/customers/${customerId}`);
    const card = page.getByTestId('website');
    await card.getByText('网站行为跟踪 · 已同意').waitFor();
    await card.getByText('邮件 · 已撤回').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await shoot(page, 'customer-360-consents', false);
  });
});
