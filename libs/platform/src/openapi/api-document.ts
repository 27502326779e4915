import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { addProblemResponses, BEARER_SCHEME, OAUTH2_SCHEME } from './problem-responses';
import { readAppRoutes } from './route-metadata';
import { addWebhooks } from './webhooks';

export interface ApiDocumentOptions {
  title: string;
  description: string;
}

/** identity's token endpoint; relative, so it resolves against the host that serves identity. */
export const TOKEN_URL = '/auth/token';

/**
 * One app's OpenAPI document: its routes as swagger reads them, plus what the platform adds once for
 * all (problem+json errors, bearer and OAuth2 client-credentials security, x-webhooks). Works on an
 * app created with `preview: true`, so documents can be built without databases or brokers.
 */
export function createApiDocument(app: INestApplication, options: ApiDocumentOptions): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
      .addOAuth2(
        {
          type: 'oauth2',
          description:
            'Partner API clients: client credentials at identity’s token endpoint (`POST /auth/token`, ' +
            '`grant_type=client_credentials`); send the token as a bearer token.',
          flows: { clientCredentials: { tokenUrl: TOKEN_URL, scopes: {} } },
        },
        OAUTH2_SCHEME,
      )
      .build(),
  );
  const { routes, webhooks } = readAppRoutes(app);
  addProblemResponses(document, routes);
  addWebhooks(document, webhooks);
  return document;
}
