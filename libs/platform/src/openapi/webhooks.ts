import { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiWebhookOptions } from '@crm/http';

const SIGNATURE_HEADERS = [
  {
    name: 'webhook-id',
    description: 'The delivery id, the same on every retry: deduplicate on it (delivery is at-least-once)',
    example: 'msg_2b7c1f0e-…',
  },
  {
    name: 'webhook-timestamp',
    description: 'Unix seconds when this attempt was signed; reject it outside your tolerance window',
    example: '1764480000',
  },
  {
    name: 'webhook-signature',
    description:
      'Space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, keyed with ' +
      'the base64 part of your `whsec_` secret (Standard Webhooks)',
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  },
];

/**
 * Standard Webhooks calls the app makes, as `x-webhooks` (the document is OpenAPI 3.0, which has no
 * `webhooks` section; the payload schemas sit in components like any DTO).
 */
export function addWebhooks(document: OpenAPIObject, webhooks: ApiWebhookOptions[]): void {
  if (webhooks.length === 0) return;
  const entries = webhooks.map((webhook) => [
    webhook.name,
    {
      post: {
        operationId: `webhook_${webhook.name.replace(/\W+/g, '_')}`,
        summary: webhook.summary,
        description: webhook.description,
        tags: ['webhooks'],
        parameters: SIGNATURE_HEADERS.map(({ name, description, example }) => ({
          name,
          in: 'header',
          required: true,
          description,
          schema: { type: 'string', example },
        })),
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: `#/components/schemas/${webhook.payload.name}` } },
          },
        },
        responses: {
          '2XX': { description: 'Received; any 2xx within 5 seconds counts as delivered' },
          default: { description: 'Any other answer, or none within 5 seconds, is retried with backoff' },
        },
      },
    },
  ]);
  (document as OpenAPIObject & { 'x-webhooks': unknown })['x-webhooks'] = Object.fromEntries(entries);
}
