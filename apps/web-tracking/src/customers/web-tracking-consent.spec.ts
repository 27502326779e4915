import { allowsWebTracking } from './web-tracking-consent';

const at = '2026-01-01T00:00:00Z';
const email = (granted: boolean) => ({ channel: 'email' as const, granted, at, source: 'call-center' });
const web = (granted: boolean) => ({ granted, at, source: 'website-banner' });

describe(allowsWebTracking.name, () => {
  it('leaves a customer with no consent on record to the site banner', () => {
    expect(allowsWebTracking({ consents: [] })).toBe(true);
    expect(allowsWebTracking({ consents: [], webConsent: null })).toBe(true);
  });

  it('tracks a customer who keeps marketing consent on any channel', () => {
    expect(allowsWebTracking({ consents: [email(false), email(true)] })).toBe(true);
  });

  it('never tracks a customer whose every consent is withdrawn and who never decided on the website', () => {
    expect(allowsWebTracking({ consents: [email(false), email(false)] })).toBe(false);
    expect(allowsWebTracking({ consents: [email(false)], webConsent: null })).toBe(false);
  });

  it('tracks a customer who granted web tracking, even with every marketing consent withdrawn', () => {
    expect(allowsWebTracking({ consents: [email(false)], webConsent: web(true) })).toBe(true);
  });

  it('never tracks a customer who withdrew web tracking, whatever their marketing consents', () => {
    expect(allowsWebTracking({ consents: [email(true)], webConsent: web(false) })).toBe(false);
    expect(allowsWebTracking({ consents: [], webConsent: web(false) })).toBe(false);
  });
});
