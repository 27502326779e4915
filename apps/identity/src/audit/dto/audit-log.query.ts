import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDateTime, PageQuery } from '@crm/http';
import { IDENTITY_AUDIT_ACTIONS, IdentityAuditAction } from '../identity-audit-log';

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Who acted: a user id or a client id', example: 'admin' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;

  @ApiPropertyOptional({ enum: IDENTITY_AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(IDENTITY_AUDIT_ACTIONS)
  action?: IdentityAuditAction;

  @ApiPropertyOptional({ description: 'The user, client or key acted on' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant (inclusive)' })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Until this instant (exclusive)' })
  @IsOptional()
  @IsDateTime()
  to?: string;
}
