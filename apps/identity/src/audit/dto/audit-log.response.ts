import { ApiProperty } from '@nestjs/swagger';
import { IDENTITY_AUDIT_ACTIONS, IdentityAuditAction, IdentityAuditListing } from '../identity-audit-log';

const ENTITY_TYPES: IdentityAuditListing['entityType'][] = ['user', 'partner-client', 'signing-key'];

export class AuditEntryResponse implements IdentityAuditListing {
  @ApiProperty({ example: '42' })
  id: string;
  @ApiProperty({ description: 'A user id or a client id' })
  actorId: string;
  @ApiProperty({ example: 'user' })
  actorKind: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '李伟',
    description: 'Display name when the actor is a user',
  })
  actorName: string | null;
  @ApiProperty({ enum: IDENTITY_AUDIT_ACTIONS })
  action: IdentityAuditAction;
  @ApiProperty({ enum: ENTITY_TYPES })
  entityType: IdentityAuditListing['entityType'];
  @ApiProperty()
  entityId: string;
  @ApiProperty({ type: String, nullable: true })
  correlationId: string | null;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] })
  items: AuditEntryResponse[];
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}
