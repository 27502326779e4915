import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsByteLength,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ALL_PARTNER_KINDS, ALL_ROLES, PartnerKind, Role } from '@crm/contracts';

export class CreateUserDto {
  @ApiProperty({
    description:
      'Sign-in name, unique regardless of case: 3-64 letters, digits, dots, dashes, underscores or @',
    example: 'li.wei',
  })
  @Matches(/^[A-Za-z0-9._@-]{3,64}$/, {
    message: 'username must be 3-64 letters, digits, ".", "_", "-" or "@"',
  })
  username: string;

  @ApiProperty({
    description: 'At least 8 characters and at most 72 bytes (the bcrypt limit)',
    format: 'password',
  })
  @IsString()
  @IsByteLength(8, 72, { message: 'password must be 8 to 72 bytes long' })
  password: string;

  @ApiProperty({ description: 'The name shown to colleagues and customers', example: '李伟' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({
    description: 'Staff roles, or exactly one partner role (dealer, repair_station) with its partner',
    enum: ALL_ROLES,
    isArray: true,
    example: ['agent'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_ROLES.length)
  @ArrayUnique()
  @IsIn(ALL_ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({
    description: 'The dealer or repair station a partner user works for',
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
