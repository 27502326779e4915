import { ApiProperty } from '@nestjs/swagger';
import { IsDateTime } from '@crm/http';

export class ReplaySubscriptionDto {
  @ApiProperty({
    description:
      'Events that occurred at or after this point are sent again (within the event log retention)',
    example: '2026-11-30T08:00:00Z',
  })
  @IsDateTime()
  from: string;
}

export class ReplayResponse {
  @ApiProperty({
    description: 'Deliveries enqueued, oldest event first; each keeps its event id as webhook-id',
  })
  enqueued: number;
}
