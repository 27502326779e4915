import { Money } from '@crm/contracts';

export const POWERTRAINS = ['bev', 'phev', 'erev', 'hev', 'ice'] as const;
export type Powertrain = (typeof POWERTRAINS)[number];

/** Specs beyond the typed ones, as a trim's brochure lists them (`{ "0-100km/h": "5.9s" }`). */
export type SpecMap = Record<string, string | number | boolean>;

export interface CarModel {
  id: string;
  code: string;
  name: string;
  description: string | null;
  /** When it was retired from sale (its trims with it); null while offered. */
  retiredAt: string | null;
}

export interface Trim {
  id: string;
  modelId: string;
  code: string;
  name: string;
  powertrain: Powertrain;
  /** Combustion engine, e.g. `1.5T`; null for a battery-electric trim. */
  engine: string | null;
  powerKw: number;
  /** Electric range (CLTC); null without a battery. */
  rangeKm: number | null;
  seats: number;
  specs: SpecMap;
  /** When it was retired from sale; null while offered (and its model is). */
  retiredAt: string | null;
}

/** What an admin may change on a model; its code stays, since quotes and orders may quote it. */
export type ModelChanges = Partial<Pick<CarModel, 'name' | 'description'>>;
/** What an admin may change on a trim (not its code or model). */
export type TrimChanges = Partial<Omit<Trim, 'id' | 'modelId' | 'code' | 'retiredAt'>>;
/** What an admin may change on a selling point or an FAQ. */
export type NoteChanges = Partial<Pick<CatalogNote, 'title' | 'body' | 'trimId'>>;

/** A trim with the names a quote or an order shows. */
export interface TrimSummary {
  trimId: string;
  trimName: string;
  modelId: string;
  modelName: string;
}

export interface Price {
  id: string;
  trimId: string;
  region: string;
  price: Money;
  validFrom: string;
  /** Last day the price applies; null while open-ended. */
  validTo: string | null;
}

export const NOTE_KINDS = ['selling_point', 'faq'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** A selling point (title only) or an FAQ (title = question, body = answer) of a model or one trim. */
export interface CatalogNote {
  id: string;
  modelId: string;
  trimId: string | null;
  kind: NoteKind;
  title: string;
  body: string | null;
}

export type CatalogHitKind = 'model' | 'trim' | NoteKind;

export interface CatalogHit {
  kind: CatalogHitKind;
  id: string;
  modelId: string;
  trimId: string | null;
  title: string;
  body: string | null;
  rank: number;
}

/** Whether two validity periods (inclusive, null = open-ended) share a day. ISO dates compare as text. */
export function periodsOverlap(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean {
  return (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);
}
