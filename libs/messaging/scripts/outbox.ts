import { parseArgs } from 'node:util';
import { ParkedOutbox } from '@crm/messaging';
import { SCHEMA_OPTIONS, selectedSchema, withServiceDatabase } from './messaging-cli';

const USAGE = `usage: npm run outbox -- list [--app <app> | --schema <service schema>]
       npm run outbox -- requeue <id>... [--app <app> | --schema <service schema>]
       npm run outbox -- requeue --all-failed [--app <app> | --schema <service schema>]
Connects with DATABASE_URL. Lists the outbox rows the relay parked (state failed) in every service
schema of the database, or one; requeue makes them pending, and the service's relay publishes them.
Row ids are per schema: requeue <id> names the app unless the database has one service schema.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...SCHEMA_OPTIONS,
      'all-failed': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...ids] = positionals;
  const schema = selectedSchema(values);
  const requeueIds = command === 'requeue' && ids.length > 0 && ids.every((id) => /^\d+$/.test(id));
  const valid =
    (command === 'list' && ids.length === 0) ||
    (command === 'requeue' && values['all-failed'] && ids.length === 0) ||
    (requeueIds && !values['all-failed']);
  if (values.help || !valid) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  await withServiceDatabase(async (dataSource) => {
    const schemas = await ParkedOutbox.schemasIn(dataSource);
    if (schema && !schemas.includes(schema))
      throw new Error(`no outbox in schema ${schema} (found: ${schemas.join(', ') || 'none'})`);
    const parked = new ParkedOutbox(dataSource, schema ? [schema] : schemas);
    if (command === 'list') {
      const rows = await parked.list();
      if (rows.length === 0) console.log('no parked outbox rows');
      else console.table(rows);
    } else {
      console.log(`requeued ${await parked.requeue(requeueIds ? ids : undefined)} outbox row(s)`);
    }
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
