import { distributedConfigSchema, platformConfigSchema } from '@crm/config';
import { kafkaTransportOptions } from './kafka-connection-options';

const base = {
  KAFKA_BROKERS: 'k1:9093,k2:9093',
  DATABASE_URL: 'postgres://db/crm',
  AUTH_JWKS_URL: 'http://id/jwks',
};

describe(kafkaTransportOptions.name, () => {
  it('connects in plain text without credentials by default, with the broker default replication', () => {
    const options = kafkaTransportOptions('svc', platformConfigSchema.parse(base));
    expect(options).toMatchObject({
      brokers: ['k1:9093', 'k2:9093'],
      partitions: 3,
      ssl: undefined,
      sasl: undefined,
    });
    expect(options.replicationFactor).toBeUndefined();
  });

  it('maps TLS with a CA file, SCRAM credentials, partitions and replication factor', () => {
    const config = platformConfigSchema.parse({
      ...base,
      KAFKA_PARTITIONS: '12',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'crm',
      KAFKA_SASL_PASSWORD: 'secret',
    });
    const options = kafkaTransportOptions('svc', config, (path) => `PEM from ${path}`);
    expect(options).toMatchObject({
      partitions: 12,
      replicationFactor: 3,
      ssl: { rejectUnauthorized: true, ca: ['PEM from /etc/kafka/ca.pem'] },
      sasl: { mechanism: 'scram-sha-512', username: 'crm', password: 'secret' },
    });
  });

  it('refuses a SASL mechanism without its credentials at start, naming the variable', () => {
    const parsed = distributedConfigSchema.safeParse({ ...base, KAFKA_SASL_MECHANISM: 'plain' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['KAFKA_SASL_USERNAME']);
    expect(platformConfigSchema.safeParse({ ...base, KAFKA_SASL_MECHANISM: 'gssapi' }).success).toBe(false);
  });
});
