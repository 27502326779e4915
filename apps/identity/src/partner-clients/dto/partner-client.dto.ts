import { ApiProperty } from '@nestjs/swagger';
import { ALL_PARTNER_KINDS, PARTNER_ROLES, PartnerKind, Role } from '@crm/contracts';

export class PartnerClientDto {
  @ApiProperty({ description: 'The client_id of the client credentials grant', example: 'dealer-sh-001-dms' })
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  partnerId: string;

  @ApiProperty({ enum: ALL_PARTNER_KINDS })
  partnerKind: PartnerKind;

  @ApiProperty({ example: 'Shanghai Pudong dealer DMS' })
  name: string;

  @ApiProperty({ enum: PARTNER_ROLES, isArray: true, description: 'The roles its tokens carry' })
  roles: Role[];

  @ApiProperty({ description: 'Inactive clients cannot obtain tokens' })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class IssuedPartnerClientDto extends PartnerClientDto {
  @ApiProperty({ description: 'The client_secret; returned only now, store it safely' })
  clientSecret: string;
}

export class RotatedClientSecretDto {
  @ApiProperty({ example: 'dealer-sh-001-dms' })
  clientId: string;

  @ApiProperty({ description: 'The new client_secret; returned only now, store it safely' })
  clientSecret: string;
}

export class PartnerClientPageDto {
  @ApiProperty({ type: PartnerClientDto, isArray: true })
  items: PartnerClientDto[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
