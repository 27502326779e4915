import { startKafkaBroker } from './kafka-broker';

/** Runs a local broker until interrupted: `npm run kafka:start`, for the distributed mode without Docker. */
async function main() {
  const broker = await startKafkaBroker();
  console.log(`Kafka broker ready: KAFKA_BROKERS=${broker.brokers}`);
  const shutdown = () => broker.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
