import { Module } from '@nestjs/common';
import { ServiceKpiController } from './service-kpi.controller';
import { ServiceKpiRepository } from './service-kpi.repository';
import { ServiceKpiService } from './service-kpi.service';
import { StationPartnerScopeRegistration } from './station-partner-scope.registration';

/** The service reports: KPIs, station scorecards and the ticket facts behind them. */
@Module({
  controllers: [ServiceKpiController],
  providers: [ServiceKpiRepository, ServiceKpiService, StationPartnerScopeRegistration],
  exports: [ServiceKpiService],
})
export class ServiceKpisModule {}
