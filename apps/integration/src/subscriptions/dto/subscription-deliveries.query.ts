import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryNumber } from '@crm/http';

export class SubscriptionDeliveriesQuery {
  @ApiPropertyOptional({ default: 50, maximum: 500, description: 'The newest deliveries, at most this many' })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
