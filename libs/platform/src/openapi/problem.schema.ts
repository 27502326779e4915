import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_SCHEMA_NAME = 'Problem';

/** RFC 9457 problem details, as ProblemDetailsFilter writes every error. */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://httpstatuses.io/404' },
    title: { type: 'string', example: 'Not found' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 404 },
    detail: { type: 'string', example: 'ticket 3f0c… was not found' },
    instance: { type: 'string', description: 'The request path', example: '/tickets/3f0c…' },
    correlationId: { type: 'string', description: 'Quote it when asking for support' },
    errors: {
      type: 'array',
      description: 'One entry per invalid field (400 only)',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    retryAfterSeconds: { type: 'integer', description: 'Also sent as the Retry-After header (429)' },
  },
  additionalProperties: true,
};

/** Why each status is documented, when a route did not say it more precisely. */
export const PROBLEM_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input: a field, query parameter or path parameter is malformed (see `errors`)',
  '401': 'No bearer token, or one that is expired, badly signed or from another issuer',
  '403': 'The token lacks a role for this route, or the record belongs to another partner',
  '404': 'No record with this id (or one the caller may not see)',
  '409': 'The request conflicts with the current state of the record',
  '413': 'The body is larger than the limit',
  '415': 'The body is not application/json',
  '422': 'The request is well-formed but cannot be processed',
  '429': 'Too many requests; retry after `Retry-After` seconds',
  '500': 'An unexpected error; nothing is leaked, quote `correlationId`',
};
