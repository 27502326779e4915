/**
 * What the owned-model and purchase-date segment rules need of a customer's vehicles `v` (ADR 0060), aggregated
 * into the customer row's `owned_models` and `purchase_dates`: the distinct models, and the purchase days as one
 * multirange (a vehicle without a purchase date adds none). Empty for a customer without vehicles.
 */
export const OWNED_VEHICLE_SUMMARY = `coalesce(array_agg(DISTINCT v.model ORDER BY v.model), '{}') AS owned_models,
  coalesce(range_agg(daterange(v.purchase_date, v.purchase_date, '[]')) FILTER (WHERE v.purchase_date IS NOT NULL),
           '{}') AS purchase_dates`;
