import { z } from 'zod';
import { EVENT_CATALOG, EventDefinition } from '@crm/contracts';

type JsonSchema = Record<string, unknown>;

/** Each event type at the newest version this release knows: the version rules are written against. */
const newestByType = new Map<string, EventDefinition>();
for (const definition of EVENT_CATALOG) {
  const known = newestByType.get(definition.type);
  if (!known || known.version < definition.version) newestByType.set(definition.type, definition);
}
const schemas = new Map<string, JsonSchema>();

export function workflowEventDefinition(type: string): EventDefinition | undefined {
  return newestByType.get(type);
}

export function workflowEventDefinitions(): EventDefinition[] {
  return [...newestByType.values()];
}

/** Whether `path` (dotted, over the payload) names a field of the event's payload schema. */
export function payloadHasField(type: string, path: string): boolean {
  const definition = newestByType.get(type);
  if (!definition) return false;
  return fieldSchema(payloadSchema(definition), path.split('.')) !== null;
}

function payloadSchema(definition: EventDefinition): JsonSchema {
  const cached = schemas.get(definition.type);
  if (cached) return cached;
  const schema = z.toJSONSchema(definition.payload, { unrepresentable: 'any', io: 'output' }) as JsonSchema;
  schemas.set(definition.type, schema);
  return schema;
}

function fieldSchema(schema: JsonSchema, path: string[]): JsonSchema | null {
  if (path.length === 0) return schema;
  const [head, ...rest] = path;
  for (const variant of variantsOf(schema)) {
    const properties = variant.properties as Record<string, JsonSchema> | undefined;
    const child = properties?.[head] ?? openRecordValue(variant);
    const found = child ? fieldSchema(child, rest) : null;
    if (found) return found;
  }
  return null;
}

/** A schema and every alternative it allows (nullable fields, unions, intersections). */
function variantsOf(schema: JsonSchema): JsonSchema[] {
  const nested = ['anyOf', 'oneOf', 'allOf'].flatMap(
    (key) => (schema[key] as JsonSchema[] | undefined) ?? [],
  );
  return [schema, ...nested.flatMap(variantsOf)];
}

/** A record (`z.record`) takes any key; its value schema describes what lies below. */
function openRecordValue(schema: JsonSchema): JsonSchema | null {
  const additional = schema.additionalProperties;
  return typeof additional === 'object' && additional !== null && !schema.properties
    ? (additional as JsonSchema)
    : null;
}
