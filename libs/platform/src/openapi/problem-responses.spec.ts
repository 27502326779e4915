import { OpenAPIObject, OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { addProblemResponses } from './problem-responses';

function documentWith(operation: OperationObject): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: { '/things/{id}': { post: operation } },
  };
}

const statuses = (document: OpenAPIObject) =>
  Object.keys(document.paths['/things/{id}'].post?.responses ?? {});

describe(addProblemResponses.name, () => {
  const pathParameter = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } };
  const jsonBody = { content: { 'application/json': { schema: { type: 'object' } } } };

  it('documents every error a guarded route with a path parameter and a body can answer', () => {
    const document = documentWith({
      operationId: 'ThingController_change',
      parameters: [pathParameter],
      requestBody: jsonBody,
      responses: { '200': { description: '' } },
    });
    addProblemResponses(document, new Map([['ThingController_change', { isPublic: false }]]));
    expect(statuses(document)).toEqual(['200', '400', '401', '403', '404', '415', '500']);
    const operation = document.paths['/things/{id}'].post as OperationObject;
    expect(operation.responses['401']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(operation.responses['200']).toEqual({ description: 'OK' });
    expect(operation.security).toEqual([{ bearer: [] }, { oauth2: [] }]);
    expect(document.components?.schemas?.Problem).toMatchObject({ required: ['type', 'title', 'status'] });
  });

  it('leaves 401 and 403 off public routes', () => {
    const document = documentWith({
      operationId: 'ThingController_open',
      responses: { '200': { description: 'x' } },
    });
    addProblemResponses(document, new Map([['ThingController_open', { isPublic: true }]]));
    expect(statuses(document)).toEqual(['200', '500']);
    expect(document.paths['/things/{id}'].post?.security).toBeUndefined();
  });

  it('keeps the description of a status the route declared and gives it the Problem schema', () => {
    const document = documentWith({
      operationId: 'ThingController_step',
      responses: { '200': { description: 'x' }, '409': { description: 'Already done' } },
    });
    addProblemResponses(document, new Map([['ThingController_step', { isPublic: false }]]));
    expect(document.paths['/things/{id}'].post?.responses['409']).toEqual({
      description: 'Already done',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
  });
});
