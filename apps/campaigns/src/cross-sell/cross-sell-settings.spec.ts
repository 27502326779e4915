import { loadConfig } from '@crm/config';
import { campaignsConfigSchema } from '../campaigns.config';
import { campaignsSettings } from '../campaigns-settings';

describe('campaigns cross-sell configuration', () => {
  const required = {
    DATABASE_URL: 'postgres://crm@db:5432/campaigns',
    AUTH_JWKS_URL: 'http://identity:3000/auth/jwks',
    KAFKA_BROKERS: 'kafka:9092',
    CAMPAIGNS_UNSUBSCRIBE_SECRET: 'x'.repeat(32),
  };
  const load = (env: Record<string, string>) =>
    campaignsSettings(loadConfig(campaignsConfigSchema, { ...required, ...env })).crossSell;

  it('keeps rules with 1% support, 10% confidence and lift 1.2, recomputed daily, by default', () => {
    expect(load({})).toEqual({ minSupport: 0.01, minConfidence: 0.1, minLift: 1.2, recomputeMinutes: 1_440 });
  });

  it('takes other thresholds, another interval, and off', () => {
    expect(
      load({
        CAMPAIGNS_CROSS_SELL_MIN_SUPPORT: '0.05',
        CAMPAIGNS_CROSS_SELL_MIN_CONFIDENCE: '0.3',
        CAMPAIGNS_CROSS_SELL_MIN_LIFT: '2',
        CAMPAIGNS_CROSS_SELL_RECOMPUTE_MINUTES: '60',
      }),
    ).toEqual({ minSupport: 0.05, minConfidence: 0.3, minLift: 2, recomputeMinutes: 60 });
    expect(load({ CAMPAIGNS_CROSS_SELL_RECOMPUTE_MINUTES: 'off' }).recomputeMinutes).toBeNull();
  });

  it.each([
    [{ CAMPAIGNS_CROSS_SELL_MIN_SUPPORT: '0' }, 'CAMPAIGNS_CROSS_SELL_MIN_SUPPORT'],
    [{ CAMPAIGNS_CROSS_SELL_MIN_CONFIDENCE: '1.5' }, 'CAMPAIGNS_CROSS_SELL_MIN_CONFIDENCE'],
    [{ CAMPAIGNS_CROSS_SELL_MIN_LIFT: 'high' }, 'CAMPAIGNS_CROSS_SELL_MIN_LIFT'],
    [{ CAMPAIGNS_CROSS_SELL_RECOMPUTE_MINUTES: 'daily' }, 'CAMPAIGNS_CROSS_SELL_RECOMPUTE_MINUTES'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => load(env)).toThrow(name);
  });
});
