import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@crm/platform';
import { AuditLogController } from './audit/audit-log.controller';
import { IdentityAuditLog } from './audit/identity-audit-log';
import { SecretHasher } from './credentials/secret-hasher';
import { IDENTITY_SETTINGS, identitySettings } from './identity.config';
import { PartnerClientRepository } from './partner-clients/partner-client.repository';
import { PartnerClientsController } from './partner-clients/partner-clients.controller';
import { PartnerClientsService } from './partner-clients/partner-clients.service';
import { ApiClientAdministration } from './partner-clients/api-client-administration';
import { SystemClientsController } from './system-clients/system-clients.controller';
import { SystemClientsService } from './system-clients/system-clients.service';
import { JwksController } from './signing-keys/jwks.controller';
import { KeyEncryptionProvider } from './signing-keys/key-encryption-key';
import { SigningKeyRotationService } from './signing-keys/signing-key-rotation.service';
import { SigningKeysController } from './signing-keys/signing-keys.controller';
import { SigningKeyRepository } from './signing-keys/signing-key.repository';
import { SigningKeysService } from './signing-keys/signing-keys.service';
import { LoginLocksController } from './tokens/login-locks.controller';
import { LoginThrottle } from './tokens/login-throttle';
import { OpenIdConfigurationController } from './tokens/openid-configuration.controller';
import { SessionController } from './tokens/session.controller';
import { TokenController } from './tokens/token.controller';
import { TokenService } from './tokens/token.service';
import { TrustProxySetup } from './tokens/trust-proxy.setup';
import { AdminBootstrap } from './users/admin-bootstrap';
import { UserRepository } from './users/user.repository';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * The platform's own token issuer: users with roles, partner API clients, signing keys and the
 * OAuth 2.0 token endpoint. Stands on PlatformModule; its settings come from the platform config.
 */
@Module({
  controllers: [
    TokenController,
    SessionController,
    LoginLocksController,
    JwksController,
    SigningKeysController,
    OpenIdConfigurationController,
    UsersController,
    PartnerClientsController,
    SystemClientsController,
    AuditLogController,
  ],
  providers: [
    { provide: IDENTITY_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: identitySettings },
    SecretHasher,
    IdentityAuditLog,
    UserRepository,
    UsersService,
    AdminBootstrap,
    PartnerClientRepository,
    PartnerClientsService,
    ApiClientAdministration,
    SystemClientsService,
    SigningKeyRepository,
    SigningKeysService,
    KeyEncryptionProvider,
    SigningKeyRotationService,
    LoginThrottle,
    TokenService,
    TrustProxySetup,
  ],
  exports: [UsersService, PartnerClientsService, SigningKeysService],
})
export class IdentityModule {}
