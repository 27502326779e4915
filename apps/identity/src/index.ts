// identity's one public entry: what the all-in-one and cross-service tests may use.
export { IdentityModule } from './identity.module';
export { IDENTITY_API, IdentityAppModule } from './identity-app.module';
export { identityMigrations } from './migrations';
export { type IdentityConfig, identityConfigFields, identityConfigSchema } from './identity.config';
// Exported by the module, for in-process callers such as the embedded demo seed.
export { UsersService } from './users/users.service';
