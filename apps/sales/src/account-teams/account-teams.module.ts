import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { SalesMessaging } from '../sales-messaging';
import { AccountTeamController } from './account-team.controller';
import { AccountTeamRepository } from './account-team.repository';
import { AccountTeamService } from './account-team.service';

/** Team selling: the reps on a customer account, their roles and revenue splits; widens visibility (ADR 0017). */
@Module({
  imports: [SalesMessaging, HierarchyModule],
  controllers: [AccountTeamController],
  providers: [AccountTeamRepository, AccountTeamService],
  exports: [AccountTeamService],
})
export class AccountTeamsModule {}
