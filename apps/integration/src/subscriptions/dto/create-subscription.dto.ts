import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

export const MAX_EVENT_TYPES = 50;

export class CreateSubscriptionDto {
  @ApiProperty({
    description:
      'Where events are POSTed, signed per Standard Webhooks: https, a public address, never the platform itself',
    example: 'https://erp.example.com/crm/events',
  })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({
    description: 'Event types from the catalog (docs/asyncapi.json, GET /subscriptions/event-types)',
    example: ['vehicle.registered', 'order.placed'],
    type: [String],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_EVENT_TYPES)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  eventTypes: string[];

  @ApiPropertyOptional({
    description:
      'Payload field -> value, or a list of values: only events whose payload has the field with one of them are sent. ' +
      'The fields must be in the payload of one of the event types.',
    example: { model: ['Aurora S', 'Aurora X'] },
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  })
  @IsOptional()
  @IsObject()
  filters?: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The partner (dealer, repair station) whose subscription it is: it receives only events about that partner's " +
      'records. A partner may name only itself (its own is the default); an admin may name any partner, or none ' +
      'for a platform client (ERP, billing) that receives every event of its types.',
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}
