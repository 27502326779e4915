import { Module } from '@nestjs/common';
import { DealerSalesScopeRegistration } from './dealer-sales-scope.registration';
import { SalesPerformanceController } from './sales-performance.controller';
import { SalesPerformanceRepository } from './sales-performance.repository';
import { SalesPerformanceService } from './sales-performance.service';

/** The sales reports (projected by the projections module's consumers, which the rebuild replays). */
@Module({
  controllers: [SalesPerformanceController],
  providers: [SalesPerformanceRepository, SalesPerformanceService, DealerSalesScopeRegistration],
})
export class SalesPerformanceModule {}
