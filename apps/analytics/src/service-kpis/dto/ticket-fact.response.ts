import { ApiProperty } from '@nestjs/swagger';
import { ReportFreshness, ReportWindow } from './service-kpi.response';

const nullableTime = { type: String, format: 'date-time', nullable: true } as const;

/** One ticket's fact row, as the KPIs read it (and the CSV export writes it). */
export class TicketFactView {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;

  @ApiProperty({ example: 'T-20261103-0001' })
  ticketNumber: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ example: 'engine' })
  qualityType: string;

  @ApiProperty({ example: 'high' })
  severity: string;

  @ApiProperty({ example: 'resolved' })
  status: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  stationId: string | null;

  @ApiProperty({ type: String, nullable: true })
  stationName: string | null;

  @ApiProperty({ type: String, nullable: true })
  region: string | null;

  @ApiProperty({ type: String, nullable: true })
  model: string | null;

  @ApiProperty(nullableTime)
  firstResponseAt: string | null;

  @ApiProperty(nullableTime)
  acceptedAt: string | null;

  @ApiProperty(nullableTime)
  resolvedAt: string | null;

  @ApiProperty(nullableTime)
  closedAt: string | null;

  @ApiProperty({ example: 0 })
  reopenCount: number;

  @ApiProperty()
  slaBreached: boolean;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 })
  satisfactionScore: number | null;
}

export class TicketFactPage {
  @ApiProperty({ type: ReportWindow })
  window: ReportWindow;

  @ApiProperty({ type: ReportFreshness })
  freshness: ReportFreshness;

  @ApiProperty({ type: [TicketFactView], description: 'Oldest first' })
  items: TicketFactView[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ example: 50 })
  total: number;
}
