import { parseArgs } from 'node:util';
import { startKafkaBroker } from './kafka-broker';

/**
 * Runs a local broker until interrupted: `npm run kafka:start [-- --port 9092 --data-dir .kafka]`, for
 * the distributed mode without Docker. With both options a restart finds the same broker and topics.
 */
async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`--port must be a TCP port, got ${values.port}`);
  }
  const broker = await startKafkaBroker({ port, dataDir: values['data-dir'] });
  console.log(
    `Kafka broker ready: KAFKA_BROKERS=${broker.brokers} (pid ${broker.pid}, data ${broker.dataDir})`,
  );
  let stopping = false;
  const shutdown = () => {
    stopping = true;
    void broker.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // A broker that dies on its own takes the wrapper (and its temp folder) with it.
  void broker.exited.then((code) => {
    if (stopping) return;
    console.error(`Kafka broker exited (code ${code}); stopping`);
    process.exit(1);
  });
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
