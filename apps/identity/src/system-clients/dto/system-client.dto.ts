import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SYSTEM_ROLES, SystemRole } from '@crm/contracts';

export class CreateSystemClientDto {
  @ApiPropertyOptional({
    description:
      'The client id to use: 3-64 letters, digits, dots, dashes or underscores; a UUID when omitted',
    example: 'billing-prod',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'clientId must be 3-64 letters, digits, ".", "_" or "-"' })
  clientId?: string;

  @ApiProperty({ description: 'What the system is, for administrators', example: 'Billing (production)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'The one system role its tokens carry', enum: SYSTEM_ROLES })
  @IsIn(SYSTEM_ROLES)
  role: SystemRole;
}

export class SystemClientDto {
  @ApiProperty({ description: 'The client_id of the client credentials grant', example: 'billing-prod' })
  clientId: string;

  @ApiProperty({ example: 'Billing (production)' })
  name: string;

  @ApiProperty({ enum: SYSTEM_ROLES, isArray: true, description: 'The role its tokens carry (one)' })
  roles: SystemRole[];

  @ApiProperty({ description: 'Inactive clients cannot obtain tokens' })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class IssuedSystemClientDto extends SystemClientDto {
  @ApiProperty({ description: 'The client_secret; returned only now, store it safely' })
  clientSecret: string;
}

export class SystemClientPageDto {
  @ApiProperty({ type: SystemClientDto, isArray: true })
  items: SystemClientDto[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
