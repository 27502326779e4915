import { ConfigError, distributedConfigSchema, loadConfig, platformConfigSchema } from './config';

describe(loadConfig.name, () => {
  it('applies defaults to an empty environment', () => {
    expect(loadConfig(platformConfigSchema, {})).toMatchObject({ PORT: 3000, EVENT_TRANSPORT: 'kafka' });
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadConfig(platformConfigSchema, { PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig(platformConfigSchema, { PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('names the servers the distributed mode needs', () => {
    const attempt = () => loadConfig(distributedConfigSchema, { EVENT_TRANSPORT: 'kafka' });
    expect(attempt).toThrow(/KAFKA_BROKERS: required when EVENT_TRANSPORT=kafka/);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/AUTH_JWKS_URL/);
  });
});
