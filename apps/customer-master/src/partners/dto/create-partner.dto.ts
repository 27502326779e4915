import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ALL_PARTNER_KINDS, PartnerKind } from '@crm/contracts';
import { GeoPointDto } from '@crm/http';
import { PartnerFieldsDto } from './partner-fields.dto';

/** A partner's code in the manufacturer's network. */
export const PARTNER_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;

export class CreatePartnerDto extends PartnerFieldsDto {
  @ApiProperty({ enum: ALL_PARTNER_KINDS })
  @IsIn(ALL_PARTNER_KINDS)
  kind: PartnerKind;

  @ApiProperty({ description: 'The partner’s code in the manufacturer’s network', example: 'RS-SH-001' })
  @Matches(PARTNER_CODE_PATTERN, { message: 'code must be 2-40 upper-case letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: '上海浦东维修站' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ type: GeoPointDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto;
}
