import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BrowsingProfile } from '@crm/contracts';

/** The profile last published per customer: what the next recompute is compared with. */
@Injectable()
export class BrowsingProfileRepository {
  async find(tx: EntityManager, customerId: string): Promise<BrowsingProfile | null> {
    const rows: Array<{
      models: string[];
      interests: string[];
      dwell_seconds: number | null;
      model_dwell: BrowsingProfile['modelDwell'] | null;
      visits: number;
      last_visit_at: Date;
    }> = await tx.query(
      `SELECT models, interests, dwell_seconds, model_dwell, visits, last_visit_at
         FROM web_tracking.browsing_profile WHERE customer_id = $1
         FOR UPDATE`,
      [customerId],
    );
    const row = rows[0];
    return row
      ? {
          models: row.models,
          interests: row.interests,
          // Profiles published before dwell was kept have none: the next recompute publishes it.
          dwellSeconds: row.dwell_seconds ?? undefined,
          modelDwell: row.model_dwell ?? undefined,
          visits: row.visits,
          lastVisitAt: new Date(row.last_visit_at).toISOString(),
        }
      : null;
  }

  async save(tx: EntityManager, customerId: string, profile: BrowsingProfile, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO web_tracking.browsing_profile
         (customer_id, models, interests, dwell_seconds, model_dwell, visits, last_visit_at, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (customer_id) DO UPDATE SET models = EXCLUDED.models, interests = EXCLUDED.interests,
         dwell_seconds = EXCLUDED.dwell_seconds, model_dwell = EXCLUDED.model_dwell,
         visits = EXCLUDED.visits, last_visit_at = EXCLUDED.last_visit_at, changed_at = EXCLUDED.changed_at`,
      [
        customerId,
        profile.models,
        profile.interests,
        profile.dwellSeconds ?? null,
        profile.modelDwell ? JSON.stringify(profile.modelDwell) : null,
        profile.visits,
        profile.lastVisitAt,
        at,
      ],
    );
  }

  async delete(tx: EntityManager, customerId: string): Promise<boolean> {
    const [rows]: [unknown[]] = await tx.query(
      `DELETE FROM web_tracking.browsing_profile WHERE customer_id = $1 RETURNING customer_id`,
      [customerId],
    );
    return rows.length > 0;
  }
}
