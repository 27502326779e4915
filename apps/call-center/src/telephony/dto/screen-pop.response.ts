import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LookupHitDto } from '../../lookup/dto/lookup-page.dto';

const MATCH_KINDS = ['customer', 'candidates', 'none'] as const;

/** One of three shapes, told apart by `kind`: one customer, several candidates, or nobody. */
export class CallerMatchResponse {
  @ApiProperty({ enum: MATCH_KINDS })
  kind: (typeof MATCH_KINDS)[number];
  @ApiPropertyOptional({ type: LookupHitDto, description: 'With kind `customer`' })
  customer?: LookupHitDto;
  @ApiPropertyOptional({ type: [LookupHitDto], description: 'With kind `candidates`' })
  candidates?: LookupHitDto[];
}

export class ScreenPopResponse {
  @ApiProperty({ example: 'call-7f3a' })
  callId: string;
  @ApiProperty({ example: '+8613800138000' })
  callerNumber: string;
  @ApiProperty({ example: '+864001234567' })
  calledLine: string;
  @ApiProperty({ type: CallerMatchResponse })
  match: CallerMatchResponse;
}
