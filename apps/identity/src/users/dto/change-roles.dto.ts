import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ALL_PARTNER_KINDS, PartnerKind } from '@crm/contracts';
import { CreateUserDto } from './create-user.dto';

export class ChangeRolesDto extends PickType(CreateUserDto, ['roles'] as const) {
  @ApiPropertyOptional({
    description: 'Required with a partner role: the partner the user works for',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({
    description: 'Kind of that partner; must match the partner role',
    enum: ALL_PARTNER_KINDS,
  })
  @IsOptional()
  @IsIn(ALL_PARTNER_KINDS)
  partnerKind?: PartnerKind;
}
