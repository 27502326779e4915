import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig, platformConfigSchema } from '@crm/config';
import { DeadLetterReplay, KafkaTransport, kafkaTransportOptions } from '@crm/messaging';

const USAGE = `usage: npm run dlq -- --schema <service schema> list [--topic <t>] [--all]
       npm run dlq -- --schema <service schema> replay <id>...
       npm run dlq -- --schema <service schema> replay --topic <t>
Connects with DATABASE_URL, KAFKA_BROKERS and KAFKA_NAMESPACE; replays parked messages to their topic.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      schema: { type: 'string' },
      topic: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...ids] = positionals;
  if (values.help || !values.schema || !['list', 'replay'].includes(command)) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const config = loadConfig(platformConfigSchema);
  if (!config.DATABASE_URL || !config.KAFKA_BROKERS)
    throw new Error('DATABASE_URL and KAFKA_BROKERS are required');
  const dataSource = await new DataSource({ type: 'postgres', url: config.DATABASE_URL }).initialize();
  const transport = new KafkaTransport(kafkaTransportOptions('dlq-cli', config));
  const replay = new DeadLetterReplay(dataSource, transport, values.schema);
  try {
    if (command === 'list') {
      console.table(await replay.list({ topic: values.topic, includeReplayed: values.all, limit: 1_000 }));
    } else if (values.topic) {
      console.log(`replayed ${await replay.replay({ topic: values.topic })} message(s) to ${values.topic}`);
    } else if (ids.length > 0 && ids.every((id) => /^\d+$/.test(id))) {
      console.log(`replayed ${await replay.replay({ ids })} message(s)`);
    } else {
      console.log(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await transport.close();
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
