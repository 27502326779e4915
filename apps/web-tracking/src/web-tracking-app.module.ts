import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig } from '@crm/config';
import { PlatformModule } from '@crm/platform';
import { WebTrackingConfig } from './web-tracking.config';
import { WEB_TRACKING_SERVICE } from './web-tracking.constants';
import { WebTrackingModule } from './web-tracking.module';
import { webTrackingMigrations } from './migrations';

/** web-tracking deployed alone: its own schema, migrations, transport and cache. */
@Module({})
export class WebTrackingAppModule {
  /** A parsed configuration, or the platform's alone with some WEB_TRACKING_* values (tests): the rest default. */
  static forRoot(config: PlatformConfig & Partial<WebTrackingConfig>): DynamicModule {
    return {
      module: WebTrackingAppModule,
      imports: [
        PlatformModule.forRoot({ service: WEB_TRACKING_SERVICE, config, migrations: webTrackingMigrations }),
        WebTrackingModule,
      ],
    };
  }
}

export const WEB_TRACKING_API = {
  title: 'CRM web-tracking',
  description:
    "First-party page views from the manufacturer's website, only with the visitor's consent: the script the site embeds, the beacon it sends, the site's signed login link, and each known customer's browsing profile (ADR 0044).",
};
