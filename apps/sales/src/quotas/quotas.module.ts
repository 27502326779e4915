import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { SalesMessaging } from '../sales-messaging';
import { QuotaController } from './quota.controller';
import { QuotaJournal } from './quota-journal';
import { QuotaProgressService } from './quota-progress.service';
import { QuotaRepository } from './quota.repository';
import { QuotaSettingService } from './quota-setting.service';

/** Monthly quotas per salesperson (new prospects, won revenue) and progress against them. */
@Module({
  imports: [SalesMessaging, HierarchyModule],
  controllers: [QuotaController],
  providers: [QuotaRepository, QuotaJournal, QuotaSettingService, QuotaProgressService],
  exports: [QuotaSettingService],
})
export class QuotasModule {}
