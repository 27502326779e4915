import { CreateIdentitySchema1764000050000 } from './1764000050000-create-identity-schema';

export const identityMigrations = [CreateIdentitySchema1764000050000];
