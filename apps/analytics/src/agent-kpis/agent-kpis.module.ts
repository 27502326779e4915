import { Module } from '@nestjs/common';
import { AgentKpiController } from './agent-kpi.controller';
import { AgentKpiRepository } from './agent-kpi.repository';
import { AgentKpiService } from './agent-kpi.service';

/** Call-center agents' KPIs (projected by the projections module's consumers, which the rebuild replays). */
@Module({
  controllers: [AgentKpiController],
  providers: [AgentKpiRepository, AgentKpiService],
})
export class AgentKpisModule {}
