import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateTime } from '@crm/http';

/** The window every time-bounded report takes: `[from, to)`, 30 days up to now by default. */
export class ReportWindowQuery {
  @ApiPropertyOptional({
    description: 'Start of the window (inclusive); 30 days before `to` by default',
    example: '2026-10-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({
    description: 'End of the window (exclusive); now by default',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTime()
  to?: string;
}
