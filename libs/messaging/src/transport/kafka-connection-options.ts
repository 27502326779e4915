import { readFileSync } from 'node:fs';
import { KafkaTransportOptions } from './kafka.transport';

/** The Kafka variables of the platform configuration (libs/config) this transport needs. */
export interface KafkaConnectionConfig {
  KAFKA_BROKERS?: string;
  KAFKA_NAMESPACE: string;
  KAFKA_PARTITIONS: number;
  KAFKA_REPLICATION_FACTOR?: number;
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string;
  KAFKA_SSL_REJECT_UNAUTHORIZED: boolean;
  KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

/** Transport options from configuration: brokers, topic layout, TLS and SASL (PLAIN, SCRAM-SHA-256/512). */
export function kafkaTransportOptions(
  clientId: string,
  config: KafkaConnectionConfig,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): KafkaTransportOptions {
  const ssl = config.KAFKA_SSL
    ? {
        rejectUnauthorized: config.KAFKA_SSL_REJECT_UNAUTHORIZED,
        ...(config.KAFKA_SSL_CA_FILE ? { ca: [readFile(config.KAFKA_SSL_CA_FILE)] } : {}),
      }
    : undefined;
  const sasl =
    config.KAFKA_SASL_MECHANISM && config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD
      ? {
          mechanism: config.KAFKA_SASL_MECHANISM,
          username: config.KAFKA_SASL_USERNAME,
          password: config.KAFKA_SASL_PASSWORD,
        }
      : undefined;
  return {
    clientId,
    brokers: (config.KAFKA_BROKERS ?? '').split(','),
    namespace: config.KAFKA_NAMESPACE,
    partitions: config.KAFKA_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    ssl,
    sasl,
  };
}
