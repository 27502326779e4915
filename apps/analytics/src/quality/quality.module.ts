import { Module } from '@nestjs/common';
import { AnalyticsMessaging } from '../analytics-messaging';
import { ServiceKpisModule } from '../service-kpis/service-kpis.module';
import { QualityAlertChecker } from './quality-alert-checker';
import { QualityAlertTimer } from './quality-alert.timer';
import { QualityDemoCheck } from './quality-demo-check';
import { QualityController } from './quality.controller';
import { QualityRepository } from './quality.repository';
import { QualityService } from './quality.service';

/** Quality feedback for R&D: complaint rates per model, quality type and month, and alerts on jumps (ADR 0028). */
@Module({
  imports: [AnalyticsMessaging, ServiceKpisModule],
  controllers: [QualityController],
  providers: [QualityRepository, QualityAlertChecker, QualityAlertTimer, QualityService, QualityDemoCheck],
  exports: [QualityDemoCheck],
})
export class QualityModule {}
