import { Browser, Page } from 'playwright-core';
import { launchChromium, newDesk, seriousViolations, shoot, signIn } from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';

interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}
interface Partner {
  partnerId: string;
  name: string;
}

describe('the admin screens in a browser', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let page: Page;
  /** A user made for this run: the shared all-in-one's demo users are left alone. */
  let user: User;
  let dealer: Partner;
  const stamp = Date.now().toString(36);
  const clientId = `e2e-dms-${stamp}`;
  let firstSecret: string;
  let rotatedSecret: string;

  const systemClientId = `e2e-billing-${stamp}`;

  /** The client credentials grant's answer for a client's secret. */
  const tokenFor = (secret: string, id = clientId) =>
    fetch(`${crm.url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
    });
  /** Whether a client secret gets a token (status of the client credentials grant). */
  const grant = async (secret: string, id = clientId) => (await tokenFor(secret, id)).status;

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    user = await crm.api<User>('admin', '/users', {
      method: 'POST',
      body: JSON.stringify({
        username: `e2e.${stamp}`,
        displayName: `测试用户${stamp}`,
        password: 'e2e-password-1',
        roles: ['agent'],
      }),
    });
    [dealer] = (await crm.api<{ items: Partner[] }>('admin', '/partners?kind=dealer&limit=1')).items;
    ({ page } = await newDesk(browser));
    await signIn(crm, page, 'admin');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  const rows = (testId: string) => page.getByTestId(testId).locator('tbody tr');

  it('finds a user and changes their roles', async () => {
    await page.getByRole('menuitem', { name: '用户与角色' }).click();
    await page.getByRole('heading', { name: '用户与角色' }).waitFor();
    await page.getByRole('searchbox', { name: '查找用户名或姓名' }).fill(user.username);
    const row = rows('admin-users').filter({ hasText: user.username });
    // The search is sent once typing stops: then only that user is left.
    await rows('admin-users').filter({ hasNotText: user.username }).first().waitFor({ state: 'detached' });
    await row.waitFor();
    expect(await rows('admin-users').count()).toBe(1);
    await row.getByRole('button', { name: '修改角色' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`修改 ${user.displayName} 的角色`).waitFor();
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-dropdown').getByTitle('分析师').click();
    await dialog.getByText(`修改 ${user.displayName} 的角色`).click(); // closes the role list
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('分析师').waitFor();
    const [stored] = (await crm.api<{ items: User[] }>('admin', `/users?search=${user.username}`)).items;
    expect(stored.roles.sort()).toEqual(['agent', 'analyst']);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'admin-users');
  });

  it('sees the role change in the audit log, filtered by the user', async () => {
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByRole('searchbox', { name: '对象 ID' }).fill(user.id);
    await page.getByRole('searchbox', { name: '对象 ID' }).press('Enter');
    await rows('admin-audit').filter({ hasNotText: user.id }).first().waitFor({ state: 'detached' });
    const changed = rows('admin-audit').filter({ hasText: '修改角色' });
    await changed.waitFor();
    await changed.getByText(user.id).waitFor();
    const actions = await rows('admin-audit').locator('td:nth-child(2)').allTextContents();
    expect(actions.sort()).toEqual(['修改角色', '创建用户'].sort());
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'admin-audit');
  });

  it('creates an API client for a dealer and shows its secret once', async () => {
    await page.getByRole('menuitem', { name: '合作伙伴与 API' }).click();
    await page.getByRole('heading', { name: '合作伙伴与 API 客户端' }).waitFor();
    await rows('admin-partners')
      .filter({ hasText: dealer.name })
      .getByRole('button', { name: '新建 API 客户端' })
      .click();
    const form = page.getByRole('dialog');
    await form.getByLabel('名称').fill('浦东经销商 DMS');
    await form.getByLabel('客户端 ID（可选）').fill(clientId);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: /创\s*建/ }).click();

    const secret = await shownSecret();
    firstSecret = secret;
    expect(await grant(secret)).toBe(200);
    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    await page.getByTestId('client-secret').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    await rows('admin-clients').filter({ hasText: clientId }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'admin-partners');
  });

  it('rotates the secret: the new one is shown once, the old one stops working', async () => {
    await listedWithoutSecret();
    const row = rows('admin-clients').filter({ hasText: clientId });
    await row.getByRole('button', { name: '轮换密钥' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const rotated = await shownSecret();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'admin-secret-once', false);
    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    await page.getByTestId('client-secret').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(rotated);
    expect(await grant(rotated)).toBe(200);
    expect(await grant(firstSecret)).toBe(401);
    rotatedSecret = rotated;

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('searchbox', { name: '对象 ID' }).fill(clientId);
    await page.getByRole('searchbox', { name: '对象 ID' }).press('Enter');
    await rows('admin-audit').filter({ hasNotText: clientId }).first().waitFor({ state: 'detached' });
    await rows('admin-audit').filter({ hasText: clientId }).first().waitFor();
    expect(await rows('admin-audit').locator('td:nth-child(2)').allTextContents()).toEqual([
      '轮换客户端密钥',
    ]);
  });

  it('disables the client: it gets no more tokens', async () => {
    await page.getByRole('menuitem', { name: '合作伙伴与 API' }).click();
    const row = rows('admin-clients').filter({ hasText: clientId });
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByText('已停用').waitFor();
    expect(await grant(rotatedSecret)).toBe(401);
  });

  it('creates a billing system client: secret once, a token with the role and no partner; disabled, no token', async () => {
    await page.getByRole('menuitem', { name: '系统客户端' }).click();
    await page.getByRole('heading', { name: '系统客户端' }).waitFor();
    await page.getByRole('button', { name: '新建系统客户端' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('名称').fill('计费系统（测试）');
    await form.getByLabel('系统角色').click();
    await page.locator('.ant-select-dropdown').getByTitle('计费系统').click();
    await form.getByLabel('客户端 ID（可选）').fill(systemClientId);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: /创\s*建/ }).click();

    const secret = await shownSecret();
    const issued = await tokenFor(secret, systemClientId);
    expect(issued.status).toBe(200);
    const { access_token: token } = (await issued.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: systemClientId, roles: ['billing'] });
    expect(claims.partner_id).toBeUndefined();
    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    await page.getByTestId('client-secret').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    const row = rows('admin-system-clients').filter({ hasText: systemClientId });
    await row.getByText('计费系统', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'admin-system-clients');

    await row.getByRole('button', { name: /停\s*用/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByText('已停用').waitFor();
    expect(await grant(secret, systemClientId)).toBe(401);
  });

  /** The secret in the once-only modal, which must also be the only place the page holds it. */
  async function shownSecret(): Promise<string> {
    const secret = (await page.getByTestId('client-secret').innerText()).trim();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByText('密钥只显示这一次，关闭后无法再查看。请立即复制并妥善保存。').waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(secret);
    return secret;
  }

  /** The client as the API lists it: never with its secret. */
  async function listedWithoutSecret(): Promise<void> {
    const clients = await crm.api<{ items: { clientId: string }[] }>('admin', '/partner-clients?limit=100');
    const client = clients.items.find((candidate) => candidate.clientId === clientId);
    expect(client).toBeDefined();
    expect(JSON.stringify(client)).not.toMatch(/secret/i);
  }
});
