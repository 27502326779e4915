/** The PostgreSQL extensions great-circle queries need (PGlite bundles both). */
export const GEO_EXTENSIONS = ['cube', 'earthdistance'] as const;

/** SQL fragments for "nearest first" queries over a table's latitude/longitude columns. */
export interface GeoSql {
  /** Great-circle distance in meters from the row to the point. */
  distanceMeters: string;
  /**
   * The KNN order answered by a GiST index on `ll_to_earth(lat, lon)` (see `geoIndexSql`). PostgreSQL 15
   * walks the index in this order only when it is the whole ORDER BY: tie-break keys after it make it sort.
   */
  nearestFirst: string;
}

/**
 * `latParam`/`lonParam` are the query's placeholders for the point (e.g. `$1`, `$2`); `columns` are the
 * table's (optionally alias-qualified) latitude and longitude columns.
 */
export function geoSql(latParam: string, lonParam: string, columns = { lat: 'lat', lon: 'lon' }): GeoSql {
  const row = `ll_to_earth(${columns.lat}, ${columns.lon})`;
  const point = `ll_to_earth(${latParam}, ${lonParam})`;
  const distanceMeters = `earth_distance(${row}, ${point})`;
  return { distanceMeters, nearestFirst: `${row} <-> ${point}` };
}

/** The GiST index that answers `nearestFirst` for a table with `lat`/`lon` columns. */
export function geoIndexSql(indexName: string, table: string): string {
  return `CREATE INDEX ${indexName} ON ${table} USING gist (ll_to_earth(lat, lon))`;
}
