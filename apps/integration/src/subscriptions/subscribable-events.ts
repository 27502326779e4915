import { z } from 'zod';
import { EVENT_CATALOG, EventDefinition } from '@crm/contracts';

/**
 * The payload fields that tie an event to a partner, in the order they are looked for: the station a ticket or
 * repair is with, the dealer of an order, the dealer that sold a vehicle, the partner a lead or activity is placed
 * with (or the partner record itself). An event whose payload has none of them reaches no partner's subscription.
 */
export const PARTNER_FIELDS = ['stationId', 'dealerId', 'sellingDealerId', 'partnerId'] as const;

export interface SubscribableEvent {
  definition: EventDefinition;
  /** The payload field naming the partner the event is about; null: for platform clients only. */
  partnerField: (typeof PARTNER_FIELDS)[number] | null;
  /** The top-level payload fields a filter may name. */
  fields: string[];
}

function payloadFields(definition: EventDefinition): string[] {
  return definition.payload instanceof z.ZodObject ? Object.keys(definition.payload.shape) : [];
}

/** The newest version of each type: the one subscribers receive (older ones are read as it, ADR 0008). */
function newestVersions(): EventDefinition[] {
  const newest = new Map<string, EventDefinition>();
  for (const definition of EVENT_CATALOG) {
    const known = newest.get(definition.type);
    if (!known || known.version < definition.version) newest.set(definition.type, definition);
  }
  return [...newest.values()];
}

/** Every event type of the contracts catalog, as a subscriber may ask for it. */
export const SUBSCRIBABLE_EVENTS: ReadonlyMap<string, SubscribableEvent> = new Map(
  newestVersions().map((definition) => {
    const fields = payloadFields(definition);
    const partnerField = PARTNER_FIELDS.find((field) => fields.includes(field)) ?? null;
    return [definition.type, { definition, partnerField, fields }];
  }),
);
