import { STATUS_CODES } from 'node:http';
import {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  PROBLEM_DESCRIPTIONS,
  PROBLEM_MEDIA_TYPE,
  PROBLEM_SCHEMA,
  PROBLEM_SCHEMA_NAME,
} from './problem.schema';
import { RouteFacts } from './route-metadata';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export const BEARER_SCHEME = 'bearer';
export const OAUTH2_SCHEME = 'oauth2';

const problemContent = () => ({
  [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } },
});

/**
 * Documents every error the shared HTTP layer can answer, once for all routes: 400 for any input,
 * 401/403 unless the route is public, 404 with path parameters, 415 with a JSON body, and 500.
 * Statuses a route declares itself (409, 429, ...) keep their description and get the Problem schema.
 */
export function addProblemResponses(document: OpenAPIObject, routes: Map<string, RouteFacts>): void {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[PROBLEM_SCHEMA_NAME] = PROBLEM_SCHEMA;
  for (const pathItem of Object.values(document.paths))
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation) documentErrors(operation, routes.get(operation.operationId ?? ''));
    }
}

function documentErrors(operation: OperationObject, route: RouteFacts | undefined): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const statuses = new Set(['500']);
  if (parameters.length > 0 || operation.requestBody) statuses.add('400');
  if (parameters.some((parameter) => parameter.in === 'path')) statuses.add('404');
  if (operation.requestBody) statuses.add('415');
  if (!route?.isPublic) {
    statuses.add('401').add('403');
    operation.security = [{ [BEARER_SCHEME]: [] }, { [OAUTH2_SCHEME]: [] }];
  }
  for (const [status, response] of Object.entries(operation.responses) as [string, ResponseObject][]) {
    if (/^[45]\d\d$/.test(status)) statuses.add(status);
    // OpenAPI requires a description; swagger leaves it empty unless the route gave one.
    else if (!response.description) response.description = STATUS_CODES[status] ?? 'Success';
  }
  for (const status of [...statuses].sort()) {
    const declared = operation.responses[status] as ResponseObject | undefined;
    operation.responses[status] = {
      ...declared,
      description: declared?.description || (PROBLEM_DESCRIPTIONS[status] ?? 'Error'),
      content: problemContent(),
    };
  }
}
