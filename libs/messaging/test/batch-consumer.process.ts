// A batch consumer alone in a process of its own, so a test can kill it with SIGKILL mid-batch: the real
// Kafka transport and subscriber, on the database, brokers and namespace named in its environment.
import { DataSource } from 'typeorm';
import { CustomerRegistered } from '@crm/contracts';
import { EventSubscriber, KafkaTransport } from '@crm/messaging';
import { BATCH_PROBE, recordBatch } from './batch-probe';
import { PARTITIONS, SCHEMA } from './consumer-fixture';

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? '';
  const dataSource = await new DataSource({ type: 'postgres', url: env('DATABASE_URL') }).initialize();
  const transport = new KafkaTransport({
    brokers: [env('KAFKA_BROKERS')],
    clientId: 'batch-consumer-process',
    namespace: env('KAFKA_NAMESPACE'),
    partitions: PARTITIONS,
  });
  const subscriber = new EventSubscriber('consumer', SCHEMA, dataSource, transport);
  // Each batch holds its transaction open a while, so a kill lands inside one.
  subscriber.onBatch(BATCH_PROBE, CustomerRegistered, recordBatch(BATCH_PROBE, 0.05), { maxBatchSize: 25 });
  await subscriber.start();
  process.send?.({ ready: true });
  process.on('disconnect', () => {
    void transport.close().then(() => dataSource.destroy());
  });
}

void main();
