import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ALL_PARTNER_KINDS, PartnerKind } from '@crm/contracts';

export class CreatePartnerClientDto {
  @ApiPropertyOptional({
    description:
      'The client id to use: 3-64 letters, digits, dots, dashes or underscores; a UUID when omitted',
    example: 'dealer-sh-001-dms',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'clientId must be 3-64 letters, digits, ".", "_" or "-"' })
  clientId?: string;

  @ApiProperty({ description: 'The dealer or repair station this client acts for', format: 'uuid' })
  @IsUUID()
  partnerId: string;

  @ApiProperty({
    description: 'Kind of that partner; decides the role of its tokens',
    enum: ALL_PARTNER_KINDS,
  })
  @IsIn(ALL_PARTNER_KINDS)
  partnerKind: PartnerKind;

  @ApiProperty({
    description: 'What the client is, for administrators',
    example: 'Shanghai Pudong dealer DMS',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}
