import { ApiProperty } from '@nestjs/swagger';
import { ALL_PARTNER_KINDS, ALL_ROLES, PartnerKind, Role } from '@crm/contracts';

export class UserDto {
  @ApiProperty({ format: 'uuid', description: 'The subject (sub) of this user’s tokens' })
  id: string;

  @ApiProperty({ example: 'li.wei' })
  username: string;

  @ApiProperty({ example: '李伟' })
  displayName: string;

  @ApiProperty({ enum: ALL_ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  partnerId: string | null;

  @ApiProperty({ enum: ALL_PARTNER_KINDS, nullable: true })
  partnerKind: PartnerKind | null;

  @ApiProperty({ description: 'Inactive users cannot obtain tokens' })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class UserPageDto {
  @ApiProperty({ type: UserDto, isArray: true })
  items: UserDto[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
