import { GeoPointDto } from '@crm/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ALL_QUALITY_TYPES, COMPLAINT_CHANNELS, QualityType, Severity, SEVERITIES } from '@crm/contracts';
import { ComplaintChannel } from '../ticket';

export class OpenTicketDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vehicleId?: string;

  @ApiPropertyOptional({ example: 'LSVAU2180N2123456' })
  @IsOptional()
  @IsString()
  @Length(17, 17)
  vin?: string;

  @ApiPropertyOptional({ example: 'Aurora', description: 'Only stations serving this brand are considered' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  brand?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The dealer that sold the vehicle; it may follow the ticket',
  })
  @IsOptional()
  @IsUUID()
  sellingDealerId?: string;

  @ApiProperty({ enum: ALL_QUALITY_TYPES })
  @IsIn(ALL_QUALITY_TYPES)
  qualityType: QualityType;

  @ApiPropertyOptional({ enum: SEVERITIES, description: 'Defaults to the quality type’s severity' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiProperty({ example: '刹车时有异响' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  description: string;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  @IsIn(COMPLAINT_CHANNELS)
  channel: ComplaintChannel;

  @ApiPropertyOptional({
    type: GeoPointDto,
    description: 'Where to route from: the customer or the breakdown',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;
}
