import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ALL_QUALITY_TYPES, QualityType, TICKET_STATUSES, TicketStatus } from '@crm/contracts';
import { PageQuery, QueryNumber } from '@crm/http';

export class RegionPageQuery extends PageQuery {
  @ApiPropertyOptional({
    example: '广东省',
    description: 'Province or city of the station’s address (exact match)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;
}

export class BoardQuery extends RegionPageQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  stationId?: string;

  @ApiPropertyOptional({ enum: ALL_QUALITY_TYPES })
  @IsOptional()
  @IsIn(ALL_QUALITY_TYPES)
  qualityType?: QualityType;

  @ApiPropertyOptional({
    description:
      'Only tickets with a breached SLA clock (escalated, or past due while running), or only without',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  breached?: boolean;
}

export const MAX_MAP_STATIONS = 2000;

/** The map shows every station of a region at once, so its page is larger than a list's. */
export class StationMapQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MAP_STATIONS, default: 500 })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(MAX_MAP_STATIONS)
  limit: number = 500;

  @ApiPropertyOptional({ minimum: 0, maximum: 100_000, default: 0 })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset: number = 0;

  @ApiPropertyOptional({
    example: '广东省',
    description: 'Province or city of the station’s address (exact match)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;
}
