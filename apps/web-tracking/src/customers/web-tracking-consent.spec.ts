import { allowsWebTracking } from './web-tracking-consent';

const consent = (granted: boolean) => ({
  channel: 'email' as const,
  granted,
  at: '2026-01-01T00:00:00Z',
  source: 'web',
});

describe(allowsWebTracking.name, () => {
  it('leaves a customer with no consent on record to the site banner', () => {
    expect(allowsWebTracking([])).toBe(true);
  });

  it('tracks a customer who keeps marketing consent on any channel', () => {
    expect(allowsWebTracking([consent(false), consent(true)])).toBe(true);
  });

  it('never tracks a customer whose every consent is withdrawn', () => {
    expect(allowsWebTracking([consent(false), consent(false)])).toBe(false);
  });
});
