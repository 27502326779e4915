import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ALL_ROLES, Role } from '@crm/contracts';
import { PageQuery } from '@crm/http';

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the username or display name, any case', example: '李' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: ALL_ROLES })
  @IsOptional()
  @IsIn(ALL_ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Only enabled (true) or disabled (false) users' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
