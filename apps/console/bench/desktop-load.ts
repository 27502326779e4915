import { Browser } from 'playwright-core';
import { ConsoleUnderTest } from '../test/console-under-test';

const COOKIE = 'crm_session';

/** The session cookie `POST /auth/session` sets for a demo login, as the sign-in form would get it. */
export async function sessionCookie(crm: ConsoleUnderTest, username: string): Promise<string> {
  const response = await fetch(`${crm.url}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-crm-csrf': '1' },
    body: JSON.stringify({ username, password: crm.login(username).password }),
  });
  const value = new RegExp(`${COOKIE}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!response.ok || !value) throw new Error(`session for ${username}: ${response.status}`);
  return value;
}

/**
 * One cold load of the agent desktop: a new browser context (empty cache) holding only the session cookie,
 * navigated to /console/agent; the milliseconds from the navigation's start (the page's time origin) to the
 * search box being on screen and enabled, measured in the page by a MutationObserver.
 */
export async function coldLoad(browser: Browser, crm: ConsoleUnderTest, cookie: string): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 } });
  try {
    await context.addCookies([
      { name: COOKIE, value: cookie, url: crm.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    await context.addInitScript(() => {
      const usable = () => {
        const box = document.querySelector<HTMLInputElement>('input[type="search"]');
        return box !== null && !box.disabled && box.checkVisibility();
      };
      const observer = new MutationObserver(() => {
        if (!usable()) return;
        observer.disconnect();
        (window as { searchUsableAt?: number }).searchUsableAt = performance.now();
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
    const page = await context.newPage();
    await page.goto(`${crm.url}/console/agent`, { waitUntil: 'commit' });
    const usableAt = await page.waitForFunction(
      () => (window as { searchUsableAt?: number }).searchUsableAt,
      undefined,
      { timeout: 60_000 },
    );
    return (await usableAt.jsonValue()) as number;
  } finally {
    await context.close();
  }
}
