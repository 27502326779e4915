import { ApiProperty } from '@nestjs/swagger';
import { ReportFreshness, ReportWindow } from '../../service-kpis/dto/service-kpi.response';

const nullableNumber = { type: Number, nullable: true } as const;

export class AgentKpis {
  @ApiProperty({ description: 'The agent (user id)' })
  agentId: string;

  @ApiProperty({ description: 'Contacts recorded on any channel', example: 120 })
  contacts: number;

  @ApiProperty({ description: 'Calls handled (phone contacts, inbound and outbound)', example: 95 })
  calls: number;

  @ApiProperty({ description: 'Complaints taken (each opens a service ticket)', example: 14 })
  complaintsTaken: number;

  @ApiProperty({ description: 'Calls whose duration the agent recorded', example: 90 })
  timedCalls: number;

  @ApiProperty({
    ...nullableNumber,
    description: 'Average handling time of the timed calls, seconds',
    example: 312.5,
  })
  averageHandlingSeconds: number | null;

  @ApiProperty({
    ...nullableNumber,
    description:
      'First-contact resolution: share of inbound contacts from a known customer with no further inbound contact from them within 7 days',
    example: 0.82,
  })
  firstContactResolution: number | null;

  @ApiProperty({ description: 'Complaints taken whose ticket the customer rated', example: 6 })
  ratedComplaints: number;

  @ApiProperty({
    ...nullableNumber,
    description: "Follow-up satisfaction: mean rating (1-5) of the complaints' tickets",
    example: 4.2,
  })
  complaintSatisfaction: number | null;
}

export class AgentKpiPage {
  @ApiProperty({ type: ReportWindow })
  window: ReportWindow;

  @ApiProperty({ type: ReportFreshness })
  freshness: ReportFreshness;

  @ApiProperty({ type: [AgentKpis], description: 'Most contacts first' })
  items: AgentKpis[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ example: 8 })
  total: number;
}
