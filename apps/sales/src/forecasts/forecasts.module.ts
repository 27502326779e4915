import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { QuotasModule } from '../quotas/quotas.module';
import { SalesMessaging } from '../sales-messaging';
import { ForecastAdjustmentService } from './forecast-adjustment.service';
import { ForecastCalculator } from './forecast-calculator';
import { ForecastController } from './forecast.controller';
import { ForecastJournal } from './forecast-journal';
import { ForecastQueryService } from './forecast-query.service';
import { ForecastRepository } from './forecast.repository';
import { QuotaForecastDemo } from './quota-forecast-demo';

/** Weighted pipeline by month, person and team in forecast categories, with managers' adjustments (published as forecast.adjusted). */
@Module({
  imports: [SalesMessaging, HierarchyModule, QuotasModule],
  controllers: [ForecastController],
  providers: [
    ForecastRepository,
    ForecastJournal,
    ForecastCalculator,
    ForecastQueryService,
    ForecastAdjustmentService,
    QuotaForecastDemo,
  ],
  exports: [QuotaForecastDemo],
})
export class ForecastsModule {}
