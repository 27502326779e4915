import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { DEFAULT_TIME_ZONE, UserPreferences } from './user-preferences';
import { UserPreferencesRepository } from './user-preferences.repository';

/** Each user reads and sets only their own preferences; nothing to check beyond who is asking. */
@Injectable()
export class UserPreferencesService {
  constructor(
    private readonly preferences: UserPreferencesRepository,
    private readonly clock: Clock,
  ) {}

  async of(userId: string): Promise<UserPreferences> {
    return (await this.preferences.find(userId)) ?? { userId, timeZone: DEFAULT_TIME_ZONE };
  }

  async setTimeZone(userId: string, timeZone: string): Promise<UserPreferences> {
    const preferences = { userId, timeZone };
    await this.preferences.save(preferences, this.clock.now());
    return preferences;
  }
}
