import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument, renderEventsMarkdown } from '../src/asyncapi';

/** Writes docs/asyncapi.json and docs/events.md from the event catalog (`npm run docs:events`). */
const docs = join(__dirname, '..', '..', '..', 'docs');
writeFileSync(join(docs, 'asyncapi.json'), `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
writeFileSync(join(docs, 'events.md'), renderEventsMarkdown());
console.log(`wrote ${join(docs, 'asyncapi.json')} and ${join(docs, 'events.md')}`);
