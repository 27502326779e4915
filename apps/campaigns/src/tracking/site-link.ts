/** The query parameter the website's tracking script reads a campaign click token from (ADR 0044). */
export const SITE_LINK_TOKEN_PARAMETER = 'crm_ct';

/**
 * A tracked link to the manufacturer's own site carries its click token on, so the site's tracking knows who
 * arrived (web-tracking verifies it with the same TrackingTokens). Links to anywhere else never get it.
 */
export function withSiteLinkToken(url: string, token: string, siteOrigins: readonly string[]): string {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return url;
  }
  if (!siteOrigins.includes(target.origin)) return url;
  target.searchParams.set(SITE_LINK_TOKEN_PARAMETER, token);
  return target.toString();
}
