import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_PARTNER_KINDS, ALL_ROLES, PartnerKind, Role } from '@crm/contracts';

export class PrincipalDto {
  @ApiProperty({ description: 'The user id, or the client id of a partner client' })
  subject: string;

  @ApiPropertyOptional({ example: '李伟' })
  name?: string;

  @ApiProperty({ enum: ALL_ROLES, isArray: true })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Set for partner principals only' })
  partnerId?: string;

  @ApiPropertyOptional({ enum: ALL_PARTNER_KINDS })
  partnerKind?: PartnerKind;
}
