/**
 * Crawlers and scripted browsers: search engines (Chinese ones included), SEO and uptime robots, headless
 * browsers and HTTP libraries. Named tokens rather than a bare "bot", which phone makers' names contain (Cubot).
 */
const AUTOMATED_USER_AGENT = new RegExp(
  [
    String.raw`\w*(?:bot|crawler|spider)\/\d`,
    'googlebot|bingbot|baiduspider|yandex|sogou|360spider|haosouspider|yisouspider|bytespider|petalbot',
    'applebot|duckduckbot|slurp|facebookexternalhit|twitterbot|linkedinbot|semrush|ahrefs|mj12bot',
    'headlesschrome|phantomjs|lighthouse|pingdom|uptimerobot|python-requests|python-urllib|go-http-client',
    String.raw`curl\/|wget\/|scrapy|okhttp|java\/\d`,
  ].join('|'),
  'i',
);

/** Whether a request's User-Agent names a crawler or a scripted client, whose page views are not a person's. */
export function isAutomatedClient(userAgent: string | undefined): boolean {
  return userAgent !== undefined && AUTOMATED_USER_AGENT.test(userAgent);
}
