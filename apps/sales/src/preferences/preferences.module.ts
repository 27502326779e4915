import { Module } from '@nestjs/common';
import { UserPreferencesController } from './user-preferences.controller';
import { UserPreferencesRepository } from './user-preferences.repository';
import { UserPreferencesService } from './user-preferences.service';

/** A sales user's own settings (time zone), set through `/me/preferences`; reminders read them in SQL. */
@Module({
  controllers: [UserPreferencesController],
  providers: [UserPreferencesRepository, UserPreferencesService],
})
export class PreferencesModule {}
