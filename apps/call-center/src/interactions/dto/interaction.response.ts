import { ApiProperty } from '@nestjs/swagger';
import { INTERACTION_CHANNELS } from '@crm/contracts';
import { Interaction, InteractionChannel, InteractionDirection, InteractionKind } from '../interaction';

const KINDS: InteractionKind[] = ['contact', 'complaint'];
const DIRECTIONS: InteractionDirection[] = ['inbound', 'outbound'];
const nullableString = { type: String, nullable: true } as const;
const nullableUuid = { type: String, format: 'uuid', nullable: true } as const;

export class InteractionResponse implements Interaction {
  @ApiProperty({ format: 'uuid' })
  interactionId: string;
  @ApiProperty({ format: 'uuid' })
  customerId: string;
  @ApiProperty({ enum: KINDS })
  kind: InteractionKind;
  @ApiProperty({ enum: INTERACTION_CHANNELS })
  channel: InteractionChannel;
  @ApiProperty({ enum: DIRECTIONS })
  direction: InteractionDirection;
  @ApiProperty({ description: 'The user who recorded it' })
  agentId: string;
  @ApiProperty({ ...nullableString, description: 'Their name when they recorded it', example: '王丽' })
  agentName: string | null;
  @ApiProperty({ example: 'Asked about the next service date' })
  subject: string;
  @ApiProperty(nullableString)
  notes: string | null;
  @ApiProperty(nullableString)
  outcome: string | null;
  @ApiProperty({ type: Number, nullable: true })
  durationSeconds: number | null;
  @ApiProperty(nullableUuid)
  ticketId: string | null;
  @ApiProperty(nullableUuid)
  vehicleId: string | null;
  @ApiProperty(nullableString)
  qualityType: string | null;
  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class InteractionPageResponse {
  @ApiProperty({ type: [InteractionResponse] })
  items: InteractionResponse[];
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}
