import { ApiProperty } from '@nestjs/swagger';
import { LookupHit, LookupMatch } from '../lookup-hit';

const MATCHES: LookupMatch[] = ['phone', 'vin', 'name'];

export class LookupHitDto implements LookupHit {
  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ example: '张三' })
  name: string;

  @ApiProperty({ example: 'zhang san', nullable: true, type: String })
  nameLatin: string | null;

  @ApiProperty({ example: ['+8613800138000'] })
  phones: string[];

  @ApiProperty({ example: ['LSVAU2180N2123456'] })
  vins: string[];

  @ApiProperty({ example: '上海市', nullable: true, type: String })
  city: string | null;

  @ApiProperty({ enum: MATCHES, description: 'What the query matched' })
  matchedBy: LookupMatch;

  @ApiProperty({ example: 3, description: '3 exact, 2 prefix, 1 partial' })
  score: number;
}

export class LookupPageDto {
  @ApiProperty({ type: [LookupHitDto] })
  items: LookupHitDto[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;
}
