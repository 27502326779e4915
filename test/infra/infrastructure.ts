import { execFileSync } from 'node:child_process';
import { startKafkaBroker } from './kafka/kafka-broker';

export interface TestInfrastructure {
  source: 'environment' | 'testcontainers' | 'local';
  databaseUrl: string;
  redisUrl: string;
  kafkaBrokers: string;
  stop(): Promise<void>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

function dockerEngineAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

async function fromTestcontainers(): Promise<TestInfrastructure> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { RedisContainer } = await import('@testcontainers/redis');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const [postgres, redis, kafka] = await Promise.all([
    new PostgreSqlContainer('postgres:15').start(),
    new RedisContainer('redis:7').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start(),
  ]);
  return {
    source: 'testcontainers',
    databaseUrl: postgres.getConnectionUri(),
    redisUrl: redis.getConnectionUrl(),
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    stop: async () => {
      await Promise.all([postgres.stop(), redis.stop(), kafka.stop()]);
    },
  };
}

async function fromLocalServers(): Promise<TestInfrastructure> {
  const broker = process.env.KAFKA_BROKERS ? undefined : await startKafkaBroker();
  return {
    source: 'local',
    databaseUrl: process.env.DATABASE_URL ?? LOCAL_POSTGRES,
    redisUrl: process.env.REDIS_URL ?? LOCAL_REDIS,
    kafkaBrokers: process.env.KAFKA_BROKERS ?? (broker?.brokers as string),
    stop: async () => broker?.stop(),
  };
}

/**
 * Real PostgreSQL, Redis and Kafka for integration tests, chosen in this order: endpoints given
 * in the environment; testcontainers where a Docker engine answers; else the local PostgreSQL and
 * Redis with a Kafka broker started from the Apache Kafka jars.
 */
export async function provisionTestInfrastructure(): Promise<TestInfrastructure> {
  const { DATABASE_URL, REDIS_URL, KAFKA_BROKERS } = process.env;
  if (DATABASE_URL && REDIS_URL && KAFKA_BROKERS) {
    return {
      source: 'environment',
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      kafkaBrokers: KAFKA_BROKERS,
      stop: async () => {},
    };
  }
  return dockerEngineAnswers() ? fromTestcontainers() : fromLocalServers();
}
