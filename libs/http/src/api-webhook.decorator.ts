import { applyDecorators, SetMetadata, Type } from '@nestjs/common';
import { ApiExtraModels } from '@nestjs/swagger';

export const API_WEBHOOKS = 'crm:api-webhooks';

/** A call this app makes to a partner's URL, documented in the app's OpenAPI `x-webhooks`. */
export interface ApiWebhookOptions {
  /** The event name partners see, e.g. `ticket.routed`. */
  name: string;
  summary: string;
  description?: string;
  /** The JSON body's class, documented with @ApiProperty like any DTO. */
  payload: Type<unknown>;
}

/**
 * Put on a controller of the module that sends the webhook: every document that holds the
 * controller documents the webhook too (the platform's document builder reads this metadata).
 */
export function ApiWebhook(...webhooks: ApiWebhookOptions[]): ClassDecorator {
  return applyDecorators(
    SetMetadata(API_WEBHOOKS, webhooks),
    ApiExtraModels(...webhooks.map((webhook) => webhook.payload)),
  );
}
