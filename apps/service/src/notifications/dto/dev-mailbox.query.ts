import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@crm/http';
import { NOTIFICATION_CHANNELS, NotificationChannel } from '../notification';

export class DevMailboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  channel?: NotificationChannel;

  @ApiPropertyOptional({ description: 'Only messages to this address or phone', example: '+8613800138000' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  to?: string;
}
