import { EventEnvelope, envelopeSchema } from './envelope';
import { EVENT_CATALOG } from './event-catalog';
import { EventDefinition } from './event-definition';
import { EVENT_CONVERTERS, EventConverter } from './event-versions';
import { describeIssues, InvalidEventError } from './event-validation';

/** The type is known but this version cannot be read as the one the consumer understands. */
export class UnknownEventVersionError extends InvalidEventError {}

/**
 * The consumer's view of the catalog: validates what arrives and reads each event as the
 * version its handler was written for, through the converters, or, when the payload carries the
 * older fields in parallel, as that older version directly (a tolerant reader).
 */
export class EventRegistry {
  private readonly definitions = new Map<string, EventDefinition>();
  private readonly types = new Set<string>();
  private readonly converters = new Map<string, EventConverter>();

  constructor(definitions: readonly EventDefinition[], converters: readonly EventConverter[] = []) {
    for (const definition of definitions) {
      this.definitions.set(key(definition.type, definition.version), definition);
      this.types.add(definition.type);
    }
    for (const converter of converters)
      this.converters.set(`${key(converter.type, converter.from)}>${converter.to}`, converter);
  }

  knowsType(type: string): boolean {
    return this.types.has(type);
  }

  /**
   * Checks the envelope only: its type may be one this release does not know (see `knowsType`),
   * and the payload is checked by `readAs`, against the version the consumer wants.
   */
  parseEnvelope(raw: unknown): EventEnvelope {
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success)
      throw new InvalidEventError('invalid event envelope', describeIssues(envelope.error));
    return envelope.data as EventEnvelope;
  }

  /** The event as `target` (same type) with a payload valid for it, or a typed error. */
  readAs(event: EventEnvelope, target: EventDefinition): EventEnvelope {
    // A newer producer's version this release has never heard of: readable only tolerantly.
    if (!this.definitions.has(key(event.type, event.version)))
      return this.readTolerantly(event, event, target);
    let current: EventEnvelope = { ...event, payload: this.validPayload(event, event.version) };
    while (current.version !== target.version) {
      const step = current.version < target.version ? 1 : -1;
      const converter = this.converters.get(
        `${key(current.type, current.version)}>${current.version + step}`,
      );
      if (!converter) return this.readTolerantly(event, current, target);
      const version = current.version + step;
      current = { ...current, version, payload: converter.convert(current.payload) };
      current = { ...current, payload: this.validPayload(current, version) };
    }
    return current;
  }

  private readTolerantly(original: EventEnvelope, current: EventEnvelope, target: EventDefinition) {
    const parsed = current.version > target.version ? target.payload.safeParse(current.payload) : undefined;
    if (parsed?.success) return { ...current, version: target.version, payload: parsed.data };
    throw new UnknownEventVersionError(`cannot read ${original.type} v${original.version}`, [
      `this consumer understands v${target.version}, and no converter or compatible payload leads there`,
    ]);
  }

  private validPayload(event: EventEnvelope, version: number): unknown {
    const definition = this.definitions.get(key(event.type, version));
    if (!definition) {
      throw new UnknownEventVersionError(`unknown version of ${event.type}`, [
        `v${version} is not in this consumer's catalog`,
      ]);
    }
    const payload = definition.payload.safeParse(event.payload);
    if (!payload.success)
      throw new InvalidEventError(`invalid ${event.type} v${version} payload`, describeIssues(payload.error));
    return payload.data;
  }
}

function key(type: string, version: number): string {
  return `${type}@${version}`;
}

/** The platform's events and converters as built into this release. */
export const EVENT_REGISTRY = new EventRegistry(EVENT_CATALOG, EVENT_CONVERTERS);
