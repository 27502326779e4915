import { parseArgs } from 'node:util';
import { DeadLetterReplay, KafkaTransport, kafkaTransportOptions } from '@crm/messaging';
import { SCHEMA_OPTIONS, selectedSchema, withServiceDatabase } from './messaging-cli';

const USAGE = `usage: npm run dlq -- --app <app> | --schema <service schema> list [--topic <t>] [--all]
       npm run dlq -- --app <app> | --schema <service schema> replay <id>...
       npm run dlq -- --app <app> | --schema <service schema> replay --topic <t>
Connects with DATABASE_URL, KAFKA_BROKERS and KAFKA_NAMESPACE; replays parked messages to their topic.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...SCHEMA_OPTIONS,
      topic: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...ids] = positionals;
  const schema = selectedSchema(values);
  if (values.help || !schema || !['list', 'replay'].includes(command)) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  await withServiceDatabase(async (dataSource, config) => {
    if (!config.KAFKA_BROKERS) throw new Error('KAFKA_BROKERS is required');
    const transport = new KafkaTransport(kafkaTransportOptions('dlq-cli', config));
    const replay = new DeadLetterReplay(dataSource, transport, schema);
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
    }
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
