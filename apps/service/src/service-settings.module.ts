import { DynamicModule, Global, Module } from '@nestjs/common';
import { SERVICE_SETTINGS, ServiceSettings } from './service-settings';

/** The service's settings for every concept module that needs a timer, a URL or a sender (global: one value). */
@Global()
@Module({})
export class ServiceSettingsModule {
  static register(settings: ServiceSettings): DynamicModule {
    return {
      module: ServiceSettingsModule,
      providers: [{ provide: SERVICE_SETTINGS, useValue: settings }],
      exports: [SERVICE_SETTINGS],
    };
  }
}
