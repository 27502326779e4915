import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each customer's owned models and purchase days from the vehicles campaigns already holds. */
export class BackfillOwnedVehicleSummary1796270020001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE campaigns.customer c SET owned_models = owned.models, purchase_dates = owned.purchase_dates
        FROM (SELECT v.owner_customer_id, array_agg(DISTINCT v.model ORDER BY v.model) AS models,
                     coalesce(range_agg(daterange(v.purchase_date, v.purchase_date, '[]'))
                                FILTER (WHERE v.purchase_date IS NOT NULL), '{}') AS purchase_dates
                FROM campaigns.vehicle v GROUP BY v.owner_customer_id) owned
       WHERE owned.owner_customer_id = c.id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE campaigns.customer SET owned_models = '{}', purchase_dates = '{}'`);
  }
}
