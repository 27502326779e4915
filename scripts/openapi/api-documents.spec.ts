import {
  OpenAPIObject,
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { HTTP_METHODS, PROBLEM_MEDIA_TYPE } from '@crm/platform';
import { ApiApp, buildApiDocument, findApiApps } from './app-documents';

const apps = findApiApps();

/** Every way an operation can leave a partner guessing, in words a failing test can show. */
function gaps(document: OpenAPIObject): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method] as OperationObject | undefined;
      const label = `${method.toUpperCase()} ${path}`;
      if (!operation) return [];
      return operationGaps(operation).map((gap) => `${label}: ${gap}`);
    }),
  );
}

function operationGaps(operation: OperationObject): string[] {
  const responses = Object.entries(operation.responses) as [string, ResponseObject][];
  const found: string[] = [];
  const successes = responses.filter(([status]) => /^[23]/.test(status));
  // No content (204) and a redirect (3xx, e.g. a tracked link) need no body schema.
  const described = successes.some(
    ([status, response]) =>
      status === '204' ||
      status.startsWith('3') ||
      Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
  );
  if (!described) found.push('no 2xx response with a schema (or 3xx redirect)');
  const problems = responses.filter(([status]) => /^[45]/.test(status));
  if (problems.length === 0) found.push('no error responses');
  for (const [status, response] of problems)
    if (!response.content?.[PROBLEM_MEDIA_TYPE]) found.push(`${status} is not problem+json`);
  if (operation.security?.length && !responses.some(([status]) => status === '401'))
    found.push('secured but no 401');
  return found;
}

describe('every app’s OpenAPI document', () => {
  it('finds the apps by their public entries', () => {
    expect(apps.map((app) => app.name)).toEqual(
      expect.arrayContaining(['call-center', 'customer-master', 'identity', 'service']),
    );
  });

  it.each(apps.map((app): [string, ApiApp] => [app.name, app]))(
    '%s declares a 2xx schema and problem+json errors on every operation',
    async (_name, app) => {
      const document = await buildApiDocument(app);
      expect(Object.keys(document.paths).length).toBeGreaterThan(0);
      expect(gaps(document)).toEqual([]);
    },
    60_000,
  );

  it('declares bearer and OAuth2 client credentials at identity’s token endpoint', async () => {
    const document = await buildApiDocument(apps.find((app) => app.name === 'service') as ApiApp);
    expect(document.components?.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/auth/token' } } },
    });
  });

  it('documents the station webhooks with their Standard Webhooks headers and payload schema', async () => {
    const document = (await buildApiDocument(
      apps.find((app) => app.name === 'service') as ApiApp,
    )) as OpenAPIObject & {
      'x-webhooks': Record<string, { post: OperationObject }>;
    };
    const routed = document['x-webhooks']['ticket.routed'].post;
    expect(routed.parameters?.map((parameter) => ('name' in parameter ? parameter.name : ''))).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    expect(routed.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/TicketRoutedWebhook' } } },
    });
    expect(document.components?.schemas?.TicketRoutedWebhook).toBeDefined();
    expect(document['x-webhooks']['ticket.withdrawn'].post.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/TicketWithdrawnWebhook' } } },
    });
  });
});
