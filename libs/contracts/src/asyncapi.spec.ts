import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument, renderEventsMarkdown } from './asyncapi';
import { EVENT_CATALOG } from './event-catalog';
import { topicFor } from './event-definition';

const docs = join(__dirname, '..', '..', '..', 'docs');
const REGENERATE = 'else run `npm run docs:events`';

describe('event catalog documentation', () => {
  const document = buildAsyncApiDocument();

  it(`keeps docs/asyncapi.json up to date (${REGENERATE})`, () => {
    const committed = JSON.parse(readFileSync(join(docs, 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it(`keeps docs/events.md up to date (${REGENERATE})`, () => {
    expect(readFileSync(join(docs, 'events.md'), 'utf8')).toBe(renderEventsMarkdown());
  });

  it('puts every event on the topic of its aggregate type and version', () => {
    const channels = document.channels as Record<string, { messages: Record<string, unknown> }>;
    for (const definition of EVENT_CATALOG) {
      expect(channels[topicFor(definition)].messages).toHaveProperty([
        `${definition.type}.v${definition.version}`,
      ]);
    }
  });

  it('resolves every local $ref', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"#\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const path = ref.slice('"$ref":"#/'.length, -1).split('/');
      const target = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], document);
      expect({ ref, found: target !== undefined }).toEqual({ ref, found: true });
    }
  });
});
