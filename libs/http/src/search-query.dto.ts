import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from './page.dto';

/** What an agent types to find a customer, one page at a time. */
export class SearchQuery extends PageQuery {
  @ApiProperty({
    description:
      'A phone number or part of one, a VIN or its last characters, or a name in Chinese, pinyin or latin letters',
    minLength: 1,
    maxLength: 100,
    example: '张三',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q: string;
}
