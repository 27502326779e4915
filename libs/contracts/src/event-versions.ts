import { EventDefinition, PayloadOf } from './event-definition';

/** Turns one version's payload of an event type into the next (upcast) or previous (downcast) one. */
export interface EventConverter {
  type: string;
  from: number;
  to: number;
  convert(payload: unknown): unknown;
}

function converter<F extends EventDefinition, T extends EventDefinition>(
  from: F,
  to: T,
  convert: (payload: PayloadOf<F>) => PayloadOf<T>,
): EventConverter {
  if (from.type !== to.type) throw new Error(`cannot convert ${from.type} into ${to.type}`);
  if (Math.abs(from.version - to.version) !== 1)
    throw new Error(`${from.type}: convert one version at a time (v${from.version} -> v${to.version})`);
  return {
    type: from.type,
    from: from.version,
    to: to.version,
    convert: (payload) => convert(payload as PayloadOf<F>),
  };
}

/** Lets a consumer written for v(n+1) read v(n) events still on the topic (history, replays). */
export function defineUpcast<F extends EventDefinition, T extends EventDefinition>(
  from: F,
  to: T,
  convert: (payload: PayloadOf<F>) => PayloadOf<T>,
): EventConverter {
  if (to.version !== from.version + 1) throw new Error(`${from.type}: an upcast goes to the next version`);
  return converter(from, to, convert);
}

/**
 * Lets a consumer written for v(n) keep running while the producer already publishes v(n+1):
 * deploy the contracts holding it to every consumer before the producer switches (ADR 0008).
 */
export function defineDowncast<F extends EventDefinition, T extends EventDefinition>(
  from: F,
  to: T,
  convert: (payload: PayloadOf<F>) => PayloadOf<T>,
): EventConverter {
  if (to.version !== from.version - 1)
    throw new Error(`${from.type}: a downcast goes to the previous version`);
  return converter(from, to, convert);
}

/**
 * Upcasts and downcasts between payload versions of the platform's events. Empty while every
 * event is at v1; a v2 adds its converters here in the same change that adds its definition.
 */
export const EVENT_CONVERTERS: readonly EventConverter[] = [];
