import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@crm/http';

export class SoldVehiclesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the VIN, brand or model, any case', example: 'A6' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;
}
