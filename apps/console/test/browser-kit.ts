import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { ConsoleUnderTest, ROOT, screenshotDir } from './console-under-test';

// The machine has no CJK font; the one the sales app renders quote PDFs with stands in, so screenshots show Chinese.
const CJK_FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_URL = '/console/__test-font/noto-sans-sc.ttf';
const FONT_STYLE =
  `@font-face{font-family:'Test CJK';font-weight:100 900;src:url(${FONT_URL})}` +
  `*{font-family:-apple-system,'Segoe UI',Roboto,Arial,'Test CJK',sans-serif!important}`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking'],
  });
}

/** A browser profile of its own (cookies, language), as one person at one desk. */
export async function newDesk(
  browser: Browser,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1360, height: 900 },
    locale: options.locale ?? 'zh-CN',
    // No transitions: axe then measures the colours a screen settles on.
    reducedMotion: 'reduce',
  });
  await context.route(`**${FONT_URL}`, (route) => route.fulfill({ path: CJK_FONT, contentType: 'font/ttf' }));
  await context.addInitScript((css: string) => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    });
  }, FONT_STYLE);
  return { context, page: await context.newPage() };
}

/** Saves `<name>.png` under test-output/console; CONSOLE_SCREENSHOTS=docs also refreshes docs/screenshots. */
export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  const file = join(screenshotDir(), `${name}.png`);
  // Load the stand-in font before the picture (it is 10 MB), then let the page paint with it.
  await page.evaluate(async () => {
    await Promise.all(
      ['400', '600'].map((weight) => document.fonts.load(`${weight} 16px 'Test CJK'`, '中文')),
    );
    await document.fonts.ready;
    // Text laid out before the font arrived keeps its fallback boxes until laid out again.
    document.body.style.display = 'none';
    void document.body.offsetHeight;
    document.body.style.display = '';
    await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
  });
  await page.screenshot({ path: file, fullPage });
  if (process.env.CONSOLE_SCREENSHOTS === 'docs') {
    mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
    copyFileSync(file, join(ROOT, 'docs', 'screenshots', `${name}.png`));
  }
}

/** axe's serious and critical findings on the page as it is now, as `rule: targets` lines (expect []). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Signs a demo login in through the zh-CN sign-in form and waits for the first screen of its roles. */
export async function signIn(crm: ConsoleUnderTest, page: Page, username: string): Promise<void> {
  await page.goto(`${crm.url}/console/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(crm.login(username).password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}
