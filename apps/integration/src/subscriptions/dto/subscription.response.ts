import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WebhookDeliveryStateResponse } from '@crm/webhooks';
import { Subscription, SubscriptionFilters, SubscriptionStatus } from '../subscription';
import { SubscriptionDelivery } from '../subscription-delivery';

export class SubscriptionResponse implements Subscription {
  @ApiProperty({ format: 'uuid' })
  subscriptionId: string;
  @ApiProperty({
    description: "The partner's id for a partner's subscription, else the API client's subject",
  })
  ownerId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  partnerId: string | null;
  @ApiProperty({ format: 'uri' })
  url: string;
  @ApiProperty({ type: [String] })
  eventTypes: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } })
  filters: SubscriptionFilters;
  @ApiProperty({
    enum: ['active', 'paused'],
    description: 'paused: the receiver kept failing; events wait as pending until POST .../resume',
  })
  status: SubscriptionStatus;
  @ApiProperty({ description: 'Failed attempts in a row (0 once one is delivered)' })
  consecutiveFailures: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failingSince: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  pausedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'HTTP 503',
    description: 'The last error before the pause',
  })
  pauseReason: string | null;
  @ApiProperty()
  createdBy: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class SubscriptionsResponse {
  @ApiProperty({ type: [SubscriptionResponse] })
  items: SubscriptionResponse[];
}

export class SubscriptionSecretResponse {
  @ApiProperty({ format: 'uuid' })
  subscriptionId: string;
  @ApiProperty({
    description:
      'Shown only here: verify each webhook-signature with it (Standard Webhooks libraries take it as is)',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret: string;
}

export class CreatedSubscriptionResponse extends SubscriptionResponse {
  @ApiProperty({
    description: 'Shown once: verify each webhook-signature with it',
    example: 'whsec_MfKQ9r8GK…',
  })
  secret: string;
}

export class SubscriptionDeliveryResponse
  extends WebhookDeliveryStateResponse
  implements SubscriptionDelivery
{
  @ApiProperty({ format: 'uuid' })
  deliveryId: string;
  @ApiProperty({
    format: 'uuid',
    description: 'Sent as `webhook-id`: the event id, the same on retries and replays',
  })
  webhookId: string;
  @ApiProperty({ example: 'vehicle.registered' })
  eventType: string;
  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
  @ApiProperty({ description: 'Enqueued by a replay' })
  replayed: boolean;
}

export class SubscriptionDeliveriesResponse {
  @ApiProperty({ type: [SubscriptionDeliveryResponse], description: 'Newest first' })
  items: SubscriptionDeliveryResponse[];
}

export class SubscribableEventResponse {
  @ApiProperty({ example: 'vehicle.registered' })
  type: string;
  @ApiProperty({ example: 1 })
  version: number;
  @ApiProperty()
  description: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'sellingDealerId',
    description:
      "The payload field naming the partner it is about; null: never sent to partners' subscriptions",
  })
  partnerField: string | null;
  @ApiProperty({ type: [String], description: 'The payload fields a filter may name' })
  fields: string[];
}

export class SubscribableEventsResponse {
  @ApiProperty({ type: [SubscribableEventResponse] })
  items: SubscribableEventResponse[];
}
