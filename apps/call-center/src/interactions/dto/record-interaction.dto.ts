import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { INTERACTION_CHANNELS } from '@crm/contracts';
import { IsDateTime } from '@crm/http';
import { InteractionChannel, InteractionDirection } from '../interaction';

const DIRECTIONS: InteractionDirection[] = ['inbound', 'outbound'];
const ONE_DAY_SECONDS = 86_400;

export class RecordInteractionDto {
  @ApiProperty({ enum: INTERACTION_CHANNELS, example: 'phone', description: '`web` is a web form' })
  @IsIn(INTERACTION_CHANNELS)
  channel: InteractionChannel;

  @ApiProperty({ enum: DIRECTIONS, example: 'inbound' })
  @IsIn(DIRECTIONS)
  direction: InteractionDirection;

  @ApiProperty({ example: 'Asked about the next service date', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subject: string;

  @ApiPropertyOptional({ example: 'Booked for Monday at the Pudong station', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({
    example: 'resolved',
    description:
      'How the contact ended (answered, no-answer, ...; for a campaign: interested, not-interested)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  outcome?: string;

  @ApiPropertyOptional({ example: 185, description: 'Length of a phone call' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(ONE_DAY_SECONDS)
  durationSeconds?: number;

  @ApiPropertyOptional({ example: '2026-03-10T08:30:00Z', description: 'Defaults to now' })
  @IsOptional()
  @IsDateTime()
  occurredAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The campaign this contact answers (feedback taken during the call); it counts as a response to it',
  })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}
