import { z } from 'zod';
import { ConfigError, loadConfig, platformConfigSchema } from './config';
import { defineServiceConfig, distributedConfigSchema } from './service-config';

const servers = {
  DATABASE_URL: 'postgres://crm@db:5432/crm',
  AUTH_JWKS_URL: 'http://identity:3000/auth/jwks',
  KAFKA_BROKERS: 'kafka:9092',
};

describe(loadConfig.name, () => {
  it('applies defaults to an empty environment', () => {
    expect(loadConfig(platformConfigSchema, {})).toMatchObject({ PORT: 3000, EVENT_TRANSPORT: 'kafka' });
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadConfig(platformConfigSchema, { PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig(platformConfigSchema, { PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('treats an empty variable as unset, so it takes its default', () => {
    const config = loadConfig(platformConfigSchema, { DATABASE_URL: '', PORT: ' ', LOG_LEVEL: '' });
    expect(config).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reports an empty variable a service requires as required, not as an invalid URL', () => {
    const attempt = () => loadConfig(distributedConfigSchema, { ...servers, DATABASE_URL: '' });
    expect(attempt).toThrow(/DATABASE_URL: required/);
    expect(attempt).not.toThrow(/Invalid URL/);
  });

  it('names the servers the distributed mode needs', () => {
    const attempt = () => loadConfig(distributedConfigSchema, { EVENT_TRANSPORT: 'kafka' });
    expect(attempt).toThrow(/KAFKA_BROKERS: required when EVENT_TRANSPORT=kafka/);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/AUTH_JWKS_URL/);
  });
});

describe(defineServiceConfig.name, () => {
  const schema = defineServiceConfig(
    {
      GATEWAY_URL: z.url().optional(),
      GATEWAY_KEY: z.string().optional(),
      EVENT_TRANSPORT: z.enum(['kafka', 'in-process']).default('in-process'),
    },
    {
      requires: ['DATABASE_URL'],
      refine: (config, ctx) => {
        if (config.GATEWAY_URL && !config.GATEWAY_KEY)
          ctx.addIssue({ code: 'custom', path: ['GATEWAY_KEY'], message: 'required with GATEWAY_URL' });
      },
    },
  );

  it('adds the service variables to the platform ones and may change a platform default', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: servers.DATABASE_URL,
      GATEWAY_URL: 'https://gw.example.cn',
      GATEWAY_KEY: 'k',
    });
    expect(config).toMatchObject({ PORT: 3000, EVENT_TRANSPORT: 'in-process', GATEWAY_KEY: 'k' });
  });

  it('checks only the servers the service asks for, and brokers whenever Kafka is chosen', () => {
    expect(() => loadConfig(schema, {})).toThrow(/DATABASE_URL: required/);
    expect(() => loadConfig(schema, {})).not.toThrow(/AUTH_JWKS_URL/);
    expect(() =>
      loadConfig(schema, { DATABASE_URL: servers.DATABASE_URL, EVENT_TRANSPORT: 'kafka' }),
    ).toThrow(/KAFKA_BROKERS/);
  });

  it("runs the service's own rules", () => {
    const attempt = () =>
      loadConfig(schema, { DATABASE_URL: servers.DATABASE_URL, GATEWAY_URL: 'https://gw.example.cn' });
    expect(attempt).toThrow(/GATEWAY_KEY: required with GATEWAY_URL/);
  });

  it('falls back to the defaults for empty service variables too', () => {
    expect(loadConfig(distributedConfigSchema, { ...servers, KAFKA_PARTITIONS: '' })).toMatchObject({
      KAFKA_PARTITIONS: 3,
    });
  });
});
