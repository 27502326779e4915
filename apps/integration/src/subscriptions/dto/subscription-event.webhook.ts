import { ApiProperty } from '@nestjs/swagger';

/** The body every subscriber receives: the event as published (docs/asyncapi.json has each type's payload). */
export class SubscriptionEventWebhook {
  @ApiProperty({
    format: 'uuid',
    description: 'The event id, also the `webhook-id` header: the same on retries and replays',
  })
  id: string;
  @ApiProperty({ example: 'vehicle.registered' })
  type: string;
  @ApiProperty({ example: 1 })
  version: number;
  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
  @ApiProperty({ example: 'customer-master' })
  producer: string;
  @ApiProperty({ example: 'vehicle' })
  aggregateType: string;
  @ApiProperty({ format: 'uuid' })
  aggregateId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The type's payload (docs/asyncapi.json)",
  })
  payload: Record<string, unknown>;
}
