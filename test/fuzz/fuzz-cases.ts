import { randomUUID } from 'node:crypto';
import { FuzzRequest } from './fuzz-client';

/** The parts of an OpenAPI 3 document the generator reads. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  allOf?: OpenApiSchema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface Credentials {
  /** A staff token, so that requests get past authorization to validation. */
  valid: string;
  /** A well-formed token signed by a key the app does not trust. */
  foreign: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const MEGABYTE_STRING = 'x'.repeat(1024 * 1024);
const NEARLY_A_MEGABYTE = 'x'.repeat(900 * 1024);
const IMPOSSIBLE_DATE = '2023-02-31';
const IMPOSSIBLE_DATE_TIME = '2023-02-29T10:00:00Z';
const DEEP_LEVELS = 5_000;
/** Authorization comes before validation: a route the staff token may not use answers 403 first. */
const REFUSED = (status: number) => [status, 403];

/** One operation of a document, with its schemas resolved. */
class FuzzedOperation {
  constructor(
    private readonly document: OpenApiDocument,
    readonly method: string,
    readonly template: string,
    private readonly operation: Operation,
  ) {}

  get name(): string {
    return `${this.method.toUpperCase()} ${this.template}`;
  }

  get secured(): boolean {
    return (this.operation.security ?? []).length > 0;
  }

  /** Server-Sent Event streams never end, so they are not fuzzed. */
  get streams(): boolean {
    return Object.values(this.operation.responses ?? {}).some((response) =>
      Object.keys(response.content ?? {}).includes('text/event-stream'),
    );
  }

  get consumes(): string[] {
    return Object.keys(this.operation.requestBody?.content ?? {});
  }

  get takesJson(): boolean {
    return this.consumes.includes('application/json');
  }

  get bodySchema(): OpenApiSchema | undefined {
    const schema = this.operation.requestBody?.content?.['application/json']?.schema;
    return schema ? this.resolve(schema) : undefined;
  }

  parameters(place: Parameter['in']): Parameter[] {
    return (this.operation.parameters ?? []).filter((parameter) => parameter.in === place);
  }

  resolve(schema: OpenApiSchema): OpenApiSchema {
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop() as string;
      return this.resolve(this.document.components?.schemas?.[name] ?? {});
    }
    if (schema.allOf) {
      const parts = schema.allOf.map((part) => this.resolve(part));
      return {
        type: 'object',
        properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
        required: parts.flatMap((part) => part.required ?? []),
      };
    }
    return schema;
  }

  /** A plausible value for a schema, good enough that the other fields are what validation looks at. */
  sample(schema: OpenApiSchema, depth = 0): unknown {
    const resolved = this.resolve(schema);
    if (resolved.example !== undefined) return resolved.example;
    if (resolved.enum?.length) return resolved.enum[0];
    if (resolved.format === 'uuid') return randomUUID();
    if (resolved.format === 'date') return '2023-06-18';
    if (resolved.format === 'date-time') return '2023-06-18T10:00:00Z';
    switch (resolved.type) {
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 3 || !resolved.items ? [] : [this.sample(resolved.items, depth + 1)];
      case 'object':
        return depth > 3 ? {} : this.sampleObject(resolved, depth + 1);
      default:
        return resolved.properties ? this.sampleObject(resolved, depth + 1) : 'text';
    }
  }

  private sampleObject(schema: OpenApiSchema, depth: number): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      value[name] = this.sample(property, depth);
    return value;
  }

  /** The path with every parameter filled: ids are fresh UUIDs (unknown to the app, so at worst 404). */
  /** A query value of `null` leaves that parameter out, even when it is required. */
  path(override: Record<string, string> = {}, query: Record<string, string | null> = {}): string {
    let path = this.template;
    for (const parameter of this.parameters('path')) {
      const value =
        override[parameter.name] ??
        encodeURIComponent(String(this.sample(parameter.schema ?? { format: 'uuid' })));
      path = path.replace(`{${parameter.name}}`, value);
    }
    const values: Record<string, string> = {};
    for (const parameter of this.parameters('query').filter((candidate) => candidate.required))
      values[parameter.name] = encodeURIComponent(String(this.sample(parameter.schema ?? {})));
    const all = Object.entries({ ...values, ...query })
      .filter(([, value]) => value !== null)
      .map(([name, value]) => `${name}=${value}`);
    return all.length ? `${path}?${all.join('&')}` : path;
  }
}

function wrongTypeFor(schema: OpenApiSchema): unknown {
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    default:
      return 'not an object';
  }
}

function isDateLike(schema: OpenApiSchema): 'date' | 'date-time' | null {
  if (schema.format === 'date' || schema.format === 'date-time') return schema.format;
  if (typeof schema.example !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(schema.example)) return 'date';
  if (/^\d{4}-\d{2}-\d{2}T/.test(schema.example)) return 'date-time';
  return null;
}

function deepArray(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

/** Every bad request the generator makes of one operation. */
function casesFor(op: FuzzedOperation, credentials: Credentials): FuzzRequest[] {
  const auth = { authorization: `Bearer ${credentials.valid}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const cases: FuzzRequest[] = [];
  const add = (label: string, request: Omit<FuzzRequest, 'label'>) =>
    cases.push({ label: `${op.name}: ${label}`, ...request });
  const method = op.method.toUpperCase();

  if (op.secured) {
    add('no token', { method, path: op.path(), headers: {}, expect: [401] });
    add('garbage token', {
      method,
      path: op.path(),
      headers: { authorization: 'Bearer not.a.token' },
      expect: [401],
    });
    add('token signed by another key', {
      method,
      path: op.path(),
      headers: { authorization: `Bearer ${credentials.foreign}` },
      expect: [401],
    });
  }

  for (const parameter of op.parameters('path')) {
    for (const [what, value] of [
      ['bad UUID', 'not-a-uuid'],
      ['NUL', 'a%00b'],
      ['invalid UTF-8', '%ED%A0%80'],
      ['bad percent-encoding', '%E0%A4%A'],
    ]) {
      add(`${what} in path ${parameter.name}`, {
        method,
        path: op.path({ [parameter.name]: value }),
        headers: auth,
        expect: what === 'bad UUID' ? undefined : REFUSED(400),
      });
    }
  }

  for (const parameter of op.parameters('query')) {
    const schema = op.resolve(parameter.schema ?? {});
    const others = (value: string) => ({ [parameter.name]: value });
    add(`NUL in query ${parameter.name}`, {
      method,
      path: op.path({}, others('a%00b')),
      headers: auth,
      expect: REFUSED(400),
    });
    add(`invalid UTF-8 in query ${parameter.name}`, {
      method,
      path: op.path({}, others('%ED%A0%80')),
      headers: auth,
    });
    add(`repeated query ${parameter.name}`, {
      method,
      path: `${op.path({}, others('1'))}&${parameter.name}=2`,
      headers: auth,
    });
    if (parameter.required) {
      add(`missing required query ${parameter.name}`, {
        method,
        path: op.path({}, { [parameter.name]: null }),
        headers: auth,
        expect: REFUSED(400),
      });
    }
    add(`10 KB query ${parameter.name}`, {
      method,
      path: op.path({}, others('x'.repeat(10_000))),
      headers: auth,
    });
    if (schema.type === 'number' || schema.type === 'integer') {
      add(`empty number in query ${parameter.name}`, {
        method,
        path: op.path({}, others('')),
        headers: auth,
        expect: REFUSED(400),
      });
      add(`wrong type in query ${parameter.name}`, {
        method,
        path: op.path({}, others('abc')),
        headers: auth,
        expect: REFUSED(400),
      });
    }
  }

  if (!['POST', 'PUT', 'PATCH'].includes(method)) return cases;

  if (!op.takesJson) {
    add('JSON to a non-JSON route', { method, path: op.path(), headers: json, body: '{"a":1}' });
    return cases;
  }

  const bodySchema = op.bodySchema ?? { type: 'object' };
  const valid = (op.sample(bodySchema) ?? {}) as Record<string, unknown>;
  const body = (value: unknown) => ({ method, path: op.path(), headers: json, body: JSON.stringify(value) });

  add('text/plain body', {
    method,
    path: op.path(),
    headers: { ...auth, 'content-type': 'text/plain' },
    body: JSON.stringify(valid),
    expect: REFUSED(415),
  });
  add('XML body', {
    method,
    path: op.path(),
    headers: { ...auth, 'content-type': 'application/xml' },
    body: '<customer><name>x</name></customer>',
    expect: REFUSED(415),
  });
  add('malformed JSON', { method, path: op.path(), headers: json, body: '{"a": ', expect: REFUSED(400) });
  add('deep nesting', {
    method,
    path: op.path(),
    headers: json,
    body: deepArray(DEEP_LEVELS),
    expect: [400],
  });
  add('unknown field', body({ ...valid, zzUnknownField: 1 }));
  add('NUL in a key', { ...body({ ...valid, 'na\u0000me': 'x' }), expect: REFUSED(400) });
  add('empty body', body({}));
  add('array body', body([valid]));

  const properties = Object.entries(bodySchema.properties ?? {});
  for (const [name, raw] of properties) {
    const schema = op.resolve(raw);
    add(`wrong type: ${name}`, body({ ...valid, [name]: wrongTypeFor(schema) }));
    add(`deep nesting in ${name}`, {
      ...body({}),
      body: `{"${name}":${'{"a":'.repeat(DEEP_LEVELS)}1${'}'.repeat(DEEP_LEVELS)}}`,
      expect: [400],
    });
    if (bodySchema.required?.includes(name)) {
      const without = { ...valid };
      delete without[name];
      add(`missing required ${name}`, body(without));
    }
    if (schema.type === 'string' || schema.type === undefined) {
      add(`NUL in ${name}`, { ...body({ ...valid, [name]: 'a\u0000b' }), expect: REFUSED(400) });
      add(`lone surrogate in ${name}`, { ...body({ ...valid, [name]: 'a\ud800b' }), expect: REFUSED(400) });
    }
    if (schema.type === 'array') {
      add(`lone surrogate in ${name} items`, {
        ...body({ ...valid, [name]: ['\udc00'] }),
        expect: REFUSED(400),
      });
    }
    if (schema.type === 'object' || schema.properties) {
      add(`NUL inside ${name}`, {
        ...body({ ...valid, [name]: { ...(valid[name] as object), 'k\u0000': 'v\u0000' } }),
        expect: REFUSED(400),
      });
    }
    const date = isDateLike(schema);
    if (date) {
      const impossible = date === 'date' ? IMPOSSIBLE_DATE : IMPOSSIBLE_DATE_TIME;
      add(`impossible date in ${name}`, { ...body({ ...valid, [name]: impossible }), expect: REFUSED(400) });
      add(`Feb 29 of a common year in ${name}`, {
        ...body({ ...valid, [name]: date === 'date' ? '2023-02-29' : '2023-02-29T00:00:00Z' }),
        expect: REFUSED(400),
      });
    }
  }
  const firstString = properties.find(([, raw]) => op.resolve(raw).type === 'string');
  if (firstString) {
    add(`1 MB string in ${firstString[0]}`, body({ ...valid, [firstString[0]]: MEGABYTE_STRING }));
    // Just under the body limit, so that validation (not the parser) has to refuse it.
    add(`900 KB string in ${firstString[0]}`, body({ ...valid, [firstString[0]]: NEARLY_A_MEGABYTE }));
  }
  return cases;
}

/** The bad requests for every operation of a document, so a new route is fuzzed without anyone listing it. */
export function generateCases(document: OpenApiDocument, credentials: Credentials): FuzzRequest[] {
  const cases: FuzzRequest[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const op = new FuzzedOperation(document, method, template, operation);
      if (op.streams) continue;
      cases.push(...casesFor(op, credentials));
    }
  }
  return cases;
}

/** Requests that are not about any one operation: an over-long header. */
export function platformCases(credentials: Credentials): FuzzRequest[] {
  return [
    {
      label: 'GET /health/live: 64 KB header',
      method: 'GET',
      path: '/health/live',
      headers: { authorization: `Bearer ${credentials.valid}`, 'x-padding': 'x'.repeat(64 * 1024) },
      expect: [431],
    },
  ];
}
