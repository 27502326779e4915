import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@crm/http';

export class LookupQuery extends PageQuery {
  @ApiProperty({
    description: 'A phone number or part of one, a VIN or part of one, or a name in Chinese or pinyin',
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
