import { ApiProperty } from '@nestjs/swagger';
import { CustomerSearchHit, SearchMatch } from '../customer-search-hit';

const MATCHES: SearchMatch[] = ['phone', 'vin', 'name', 'fuzzy-name'];

export class CustomerSearchHitDto implements CustomerSearchHit {
  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ example: '张三' })
  name: string;

  @ApiProperty({ example: 'zhang san', nullable: true, type: String })
  nameLatin: string | null;

  @ApiProperty({ example: ['+8613800138000'] })
  phones: string[];

  @ApiProperty({ example: '上海市', nullable: true, type: String })
  city: string | null;

  @ApiProperty({ enum: MATCHES, description: 'What the query matched' })
  matchedBy: SearchMatch;

  @ApiProperty({
    example: 3.75,
    description:
      'Higher is better: integer part 3 exact, 2 prefix, 1 partial, 0 fuzzy; fraction the name similarity',
  })
  score: number;
}

export class CustomerSearchPageDto {
  @ApiProperty({ type: [CustomerSearchHitDto] })
  items: CustomerSearchHitDto[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;
}
