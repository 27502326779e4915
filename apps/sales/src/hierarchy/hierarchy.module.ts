import { Module } from '@nestjs/common';
import { SalesMessaging } from '../sales-messaging';
import { OwnerPolicy } from './owner-policy';
import { SalesTeamController } from './sales-team.controller';
import { SalesTeamRepository } from './sales-team.repository';
import { SalesTeamService } from './sales-team.service';

/** The director > managers > reps tree that decides who sees which sales records. */
@Module({
  imports: [SalesMessaging],
  controllers: [SalesTeamController],
  providers: [SalesTeamRepository, SalesTeamService, OwnerPolicy],
  exports: [SalesTeamRepository, SalesTeamService, OwnerPolicy],
})
export class HierarchyModule {}
