import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserPreferences } from './user-preferences';

/** One row per sales user who changed a default; a user without a row has the defaults. */
@Injectable()
export class UserPreferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(userId: string): Promise<UserPreferences | null> {
    const [row] = await this.dataSource.query(
      `SELECT user_id AS "userId", time_zone AS "timeZone" FROM sales.user_preference WHERE user_id = $1`,
      [userId],
    );
    return row ?? null;
  }

  async save(preferences: UserPreferences, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sales.user_preference (user_id, time_zone, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at`,
      [preferences.userId, preferences.timeZone, at],
    );
  }
}
