import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { IdentityConfig } from './identity.config';
import { IdentityModule } from './identity.module';
import { identityMigrations } from './migrations';

/** The identity service deployed on its own. */
@Module({})
export class IdentityAppModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityAppModule,
      imports: [
        PlatformModule.forRoot({ service: 'identity', config, migrations: identityMigrations }),
        IdentityModule,
      ],
    };
  }
}

export const IDENTITY_API = {
  title: 'CRM identity',
  description:
    'Users, roles and partner API clients; issues the RS256 access tokens every service verifies (JWKS).',
};
