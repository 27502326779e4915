import { Module } from '@nestjs/common';
import { AnalyticsMessaging } from './analytics-messaging';
import { AgentKpisModule } from './agent-kpis/agent-kpis.module';
import { CustomerValueModule } from './customer-value/customer-value.module';
import { MarketModule } from './market/market.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProjectionsModule } from './projections/projections.module';
import { QualityModule } from './quality/quality.module';
import { SalesPerformanceModule } from './sales-performance/sales-performance.module';
import { ServiceKpisModule } from './service-kpis/service-kpis.module';
import { SevenPsModule } from './seven-ps/seven-ps.module';

/**
 * Analytics: projections built only from other services' events (ADR 0026) and the reports read from
 * them. Each concept module imports AnalyticsMessaging for the subscriber.
 */
@Module({
  imports: [
    AnalyticsMessaging,
    ProjectionsModule,
    ServiceKpisModule,
    SalesPerformanceModule,
    QualityModule,
    CustomerValueModule,
    MarketModule,
    AgentKpisModule,
    SevenPsModule,
    PrivacyModule,
  ],
  // The embedded default's demo seed checks its quality alert at once (in-process).
  exports: [QualityModule],
})
export class AnalyticsModule {}
