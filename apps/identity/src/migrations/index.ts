import { CreateIdentitySchema1764000050000 } from './1764000050000-create-identity-schema';
import { AddIdentityAuditAndKeyRotation1764000060000 } from './1764000060000-add-identity-audit-and-key-rotation';
import { IndexIdentityAuditLogByTime1796075000000 } from './1796075000000-index-audit-log-by-time';
import { AllowSystemClients1796230000300 } from './1796230000300-allow-system-clients';

export const identityMigrations = [
  CreateIdentitySchema1764000050000,
  AddIdentityAuditAndKeyRotation1764000060000,
  IndexIdentityAuditLogByTime1796075000000,
  AllowSystemClients1796230000300,
];
