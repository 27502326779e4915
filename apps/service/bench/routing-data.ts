import { ALL_QUALITY_TYPES, GeoPoint } from '@crm/contracts';
import { StationNeed } from '../src/routing/routing-need';
import { BRANDS, pointInChina, Random } from '../../../test/bench/station-data';

export { copyStations } from '../../../test/bench/station-data';

/** A routing question: a place and what the ticket needs (a fifth of vehicles have no known brand). */
export function routingQuestion(random: Random): { at: GeoPoint; need: StationNeed } {
  const skill = ALL_QUALITY_TYPES[Math.floor(random() * ALL_QUALITY_TYPES.length)];
  const brand = random() < 0.2 ? null : BRANDS[Math.floor(random() * BRANDS.length)];
  return { at: pointInChina(random), need: { skill, brand, excludedStationIds: [] } };
}
