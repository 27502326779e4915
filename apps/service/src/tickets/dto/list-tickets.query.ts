import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ALL_QUALITY_TYPES, QualityType, TICKET_STATUSES, TicketStatus } from '@crm/contracts';
import { PageQuery } from '@crm/http';

export class ListTicketsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  stationId?: string;

  @ApiPropertyOptional({ enum: ALL_QUALITY_TYPES })
  @IsOptional()
  @IsIn(ALL_QUALITY_TYPES)
  qualityType?: QualityType;

  @ApiPropertyOptional({ description: 'Only tickets that breached an SLA target (true) or did not (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  escalated?: boolean;
}
