import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { text } from 'express';
import { PlatformConfig } from '@crm/config';
import { ErasedCustomers } from '@crm/messaging';
import { PLATFORM_CONFIG } from '@crm/platform';
import { CollectController } from './collect/collect.controller';
import { PageViewCollector } from './collect/page-view-collector';
import { PageViewRepository } from './collect/page-view.repository';
import { SiteOriginMiddleware } from './collect/site-origin.middleware';
import { TrackingRateLimit } from './collect/tracking-rate-limit';
import { CustomerConsentRepository } from './customers/customer-consent.repository';
import { CustomerEventsConsumer } from './customers/customer-events.consumer';
import { CustomerTrackingService } from './customers/customer-tracking.service';
import { TrackingPermission } from './customers/tracking-permission';
import { BrowsingProfileRepository } from './profiles/browsing-profile.repository';
import { BrowsingProfileService } from './profiles/browsing-profile.service';
import { WebTrackingCustomerDataController } from './privacy/web-tracking-customer-data.controller';
import { WebTrackingCustomerDataRepository } from './privacy/web-tracking-customer-data.repository';
import { PageViewRetention } from './retention/page-view-retention';
import { VisitorLinkController } from './visitors/visitor-link.controller';
import { VisitorLinkService } from './visitors/visitor-link.service';
import { VisitorRepository } from './visitors/visitor.repository';
import { WebTrackingConfig } from './web-tracking.config';
import { WEB_TRACKING_SCHEMA } from './web-tracking.constants';
import { WebTrackingMessaging } from './web-tracking-messaging';
import { WEB_TRACKING_SETTINGS, webTrackingSettings } from './web-tracking-settings';

/** A beacon is a few hundred bytes; 4 KB leaves room and refuses anything larger with 413. */
const BEACON_LIMIT = '4kb';
const BEACON_ROUTE = { path: 'tracking/events', method: RequestMethod.ALL };

/** The website's first-party tracking (ADR 0044): collect, visitors, the customers' consent, profiles, retention. */
@Module({
  imports: [WebTrackingMessaging],
  controllers: [CollectController, VisitorLinkController, WebTrackingCustomerDataController],
  providers: [
    {
      provide: WEB_TRACKING_SETTINGS,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig & Partial<WebTrackingConfig>) => webTrackingSettings(config),
    },
    { provide: ErasedCustomers, useValue: new ErasedCustomers(WEB_TRACKING_SCHEMA) },
    TrackingRateLimit,
    PageViewCollector,
    PageViewRepository,
    VisitorRepository,
    VisitorLinkService,
    CustomerConsentRepository,
    TrackingPermission,
    CustomerTrackingService,
    CustomerEventsConsumer,
    BrowsingProfileRepository,
    BrowsingProfileService,
    PageViewRetention,
    WebTrackingCustomerDataRepository,
  ],
  exports: [WEB_TRACKING_SETTINGS, PageViewRetention],
})
export class WebTrackingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(SiteOriginMiddleware, text({ type: 'text/plain', limit: BEACON_LIMIT }))
      .forRoutes(BEACON_ROUTE);
  }
}
