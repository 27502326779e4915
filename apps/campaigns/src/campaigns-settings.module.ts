import { DynamicModule, Global, Module } from '@nestjs/common';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from './campaigns-settings';

/** campaigns's settings for every concept module that needs a timer, a sender or a secret (global: one value). */
@Global()
@Module({})
export class CampaignsSettingsModule {
  static register(settings: CampaignsSettings): DynamicModule {
    return {
      module: CampaignsSettingsModule,
      providers: [{ provide: CAMPAIGNS_SETTINGS, useValue: settings }],
      exports: [CAMPAIGNS_SETTINGS],
    };
  }
}
