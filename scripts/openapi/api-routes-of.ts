import { OpenAPIObject, OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { HTTP_METHODS } from '@crm/platform';
import { ApiRoutes, ServiceRoutes } from '../deploy/api-routes';

const STREAM_MEDIA_TYPE = 'text/event-stream';

export function answersStream(operation: OperationObject): boolean {
  return Object.values(operation.responses).some(
    (response) =>
      response !== undefined && 'content' in response && response.content?.[STREAM_MEDIA_TYPE] !== undefined,
  );
}

export function serviceRoutes(document: OpenAPIObject): ServiceRoutes {
  const paths = Object.keys(document.paths).sort();
  const streams = paths.filter((path) =>
    HTTP_METHODS.some((method) => {
      const operation = document.paths[path][method] as OperationObject | undefined;
      return operation !== undefined && answersStream(operation);
    }),
  );
  return { paths, streams };
}

/** deploy/gateway/api-routes.json's text from each service's document. */
export function apiRoutesJson(documents: Map<string, OpenAPIObject>): string {
  const routes: ApiRoutes = Object.fromEntries(
    [...documents].map(([service, document]) => [service, serviceRoutes(document)]),
  );
  return `${JSON.stringify(routes, null, 2)}\n`;
}
