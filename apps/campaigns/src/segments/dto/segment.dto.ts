import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';

const RULE_DESCRIPTION =
  'A rule tree: { all: [...] } or { any: [...] } of rules (at most 5 levels, 20 children each), or a condition: ' +
  '{ field: city|province|ownedModel, in: [..] }, { field: tag, has }, { field: birthdayMonth, month: 1-12|"current" }, ' +
  '{ field: gender, in: [female|male|other|unknown] }, { field: consent, channel: phone|sms|email }, ' +
  '{ field: purchaseDate, from?, to? } (YYYY-MM-DD)';

const RULE_EXAMPLE = {
  all: [
    { field: 'city', in: ['上海'] },
    { field: 'consent', channel: 'email' },
  ],
};

export class CreateSegmentDto {
  @ApiProperty({ example: '上海 email-consenting customers', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: RULE_DESCRIPTION,
    example: RULE_EXAMPLE,
  })
  @IsDefined()
  rule: unknown;
}

export class SegmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '上海 email-consenting customers' }) name: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: RULE_DESCRIPTION,
    example: RULE_EXAMPLE,
  })
  rule: unknown;
  @ApiProperty({ example: 'u-marketer-1' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SegmentListView {
  @ApiProperty({ type: [SegmentView] }) items: SegmentView[];
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}

export class SegmentCountView {
  @ApiProperty({ format: 'uuid' }) segmentId: string;
  @ApiProperty({ example: 1280, description: 'Customers matching the rule now' }) count: number;
}

export class SegmentMemberView {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '上海市' }) province: string | null;
  @ApiProperty({ type: String, nullable: true, example: '上海' }) city: string | null;
}

export class SegmentPreviewView {
  @ApiProperty({ format: 'uuid' }) segmentId: string;
  @ApiProperty({ type: [SegmentMemberView] }) items: SegmentMemberView[];
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}
