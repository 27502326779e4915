import { ApiProperty } from '@nestjs/swagger';

export class DurationStats {
  @ApiProperty({ description: 'Tickets the duration is known for', example: 42 })
  count: number;

  @ApiProperty({ type: Number, nullable: true, example: 1800 })
  p50Seconds: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 5400 })
  p90Seconds: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 2400.5 })
  meanSeconds: number | null;
}

export class SatisfactionStats {
  @ApiProperty({ description: 'Tickets rated', example: 12 })
  count: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean score (1-5)', example: 4.25 })
  average: number | null;
}

export class ServiceKpis {
  @ApiProperty({ description: 'Tickets opened in the window', example: 50 })
  tickets: number;

  @ApiProperty({
    type: DurationStats,
    description: "Opened to the station's first answer (accept or decline)",
  })
  firstResponse: DurationStats;

  @ApiProperty({ type: DurationStats, description: 'Opened to accepted by a station' })
  stationAcceptance: DurationStats;

  @ApiProperty({ type: DurationStats, description: 'Opened to (last) resolved' })
  resolution: DurationStats;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of tickets with a response or resolution SLA breach',
    example: 0.08,
  })
  slaBreachRate: number | null;

  @ApiProperty({ type: SatisfactionStats })
  satisfaction: SatisfactionStats;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of resolved or closed tickets reopened at least once',
    example: 0.05,
  })
  reopenRate: number | null;
}

export class ReportWindow {
  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  @ApiProperty({ description: 'What falls in the window', example: 'tickets opened in [from, to)' })
  basis: string;
}

export class ReportFreshness {
  @ApiProperty({ format: 'date-time', description: 'When the figures were read' })
  asOf: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The newest event applied to the projection',
  })
  newestEventAt: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Projection lag: asOf minus newestEventAt',
    example: 3.2,
  })
  lagSeconds: number | null;
}

export class ServiceKpiReport {
  @ApiProperty({ type: ReportWindow })
  window: ReportWindow;

  @ApiProperty({ type: ReportFreshness })
  freshness: ReportFreshness;

  @ApiProperty({ type: ServiceKpis })
  kpis: ServiceKpis;
}

export class StationScorecard {
  @ApiProperty({ format: 'uuid' })
  stationId: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null until the station replica has it' })
  stationName: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The station's province" })
  region: string | null;

  @ApiProperty({ type: ServiceKpis })
  kpis: ServiceKpis;
}

export class StationScorecardReport {
  @ApiProperty({ type: ReportWindow })
  window: ReportWindow;

  @ApiProperty({ type: ReportFreshness })
  freshness: ReportFreshness;

  @ApiProperty({ type: StationScorecard })
  scorecard: StationScorecard;
}

export class StationScorecardPage {
  @ApiProperty({ type: ReportWindow })
  window: ReportWindow;

  @ApiProperty({ type: ReportFreshness })
  freshness: ReportFreshness;

  @ApiProperty({ type: [StationScorecard], description: 'Busiest stations first' })
  items: StationScorecard[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ description: 'Stations with tickets in the window', example: 3 })
  total: number;
}
