import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { AuditLogQuery } from './dto/audit-log.query';
import { AuditPageResponse } from './dto/audit-log.response';
import { IdentityAuditLog } from './identity-audit-log';

/** The admin console's audit log: who changed whose access, and when. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: IdentityAuditLog) {}

  @Get()
  @Roles(R.admin)
  @ApiOperation({ summary: 'Access changes, newest first, filtered by actor, action, entity and time' })
  @ApiOkResponse({ type: AuditPageResponse })
  async list(@Query() q: AuditLogQuery) {
    const items = await this.audit.list({
      actorId: q.actorId,
      action: q.action,
      entityId: q.entityId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return { items, limit: q.limit, offset: q.offset };
  }
}
