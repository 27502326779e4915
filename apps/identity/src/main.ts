import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@crm/config';
import { JsonLogger } from '@crm/observability';
import { configureHttpApp } from '@crm/platform';
import { IdentityAppModule } from './identity-app.module';
import { identityConfigSchema } from './identity.config';

async function bootstrap(): Promise<void> {
  const config = loadConfig(identityConfigSchema);
  const logger = new JsonLogger('identity', config.LOG_LEVEL);
  const app = await NestFactory.create(IdentityAppModule.forRoot(config), { logger, bodyParser: false });
  configureHttpApp(app, {
    title: 'CRM identity',
    description:
      'Users, roles and partner API clients; issues the RS256 access tokens every service verifies (JWKS).',
  });
  await app.listen(config.PORT);
  logger.log(`identity listening on ${await app.getUrl()}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
