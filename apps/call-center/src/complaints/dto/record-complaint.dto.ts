import { GeoPointDto } from '@crm/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ALL_QUALITY_TYPES, COMPLAINT_CHANNELS, QualityType } from '@crm/contracts';

export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export class RecordComplaintDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The customer’s vehicle the complaint is about' })
  @IsOptional()
  @IsUUID()
  vehicleId?: string;

  @ApiProperty({ example: '刹车时有异响 (noise when braking)', maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description: string;

  @ApiProperty({ enum: ALL_QUALITY_TYPES, example: 'brakes', description: 'The agent’s classification' })
  @IsIn(ALL_QUALITY_TYPES)
  qualityType: QualityType;

  @ApiProperty({ enum: COMPLAINT_CHANNELS, example: 'phone' })
  @IsIn(COMPLAINT_CHANNELS)
  channel: ComplaintChannel;

  @ApiPropertyOptional({
    type: GeoPointDto,
    description: 'Where the car is, if not at the customer’s address (e.g. broken down on the road)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;
}

export class ComplaintReceiptDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The ticket the service app opens with this id; quote it to the customer',
  })
  ticketId: string;

  @ApiProperty({ format: 'uuid' })
  interactionId: string;
}
