import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { SEGMENT_KINDS } from '../segment';

const RULE_DESCRIPTION =
  'A rule tree: { all: [...] } or { any: [...] } of rules (at most 5 levels, 20 children each), or a condition: ' +
  '{ field: city|province|ownedModel, in: [..] } (province is the region), { field: tag, has }, ' +
  '{ field: birthdayMonth, month: 1-12|"current" }, { field: gender, in: [female|male|other|unknown] }, ' +
  '{ field: consent, channel: phone|sms|email }, { field: purchaseDate|orderPlaced|lastService, from?, to? }, ' +
  '{ field: orderedModel, in: [..], from?, to? }, { field: monthsSinceService, min?, max? } (whole months), ' +
  '{ field: satisfaction, min?, max? } (1-5, the latest rating), ' +
  '{ field: valueTier, in: [platinum|gold|iron|lead] } (the customer pyramid of analytics). ' +
  '{ field: browsedModel, in: [..] } and { field: browsingInterest, in: [page categories] } (what they looked at on ' +
  'the website, with their consent). ' +
  'Dates are YYYY-MM-DD days in China time.';

const RULE_EXAMPLE = {
  all: [
    { field: 'city', in: ['上海'] },
    { field: 'consent', channel: 'email' },
    { field: 'monthsSinceService', min: 6 },
  ],
};

const SEGMENT_NAME = { example: '上海 email-consenting customers', minLength: 1, maxLength: 200 };

export class CreateSegmentDto {
  @ApiProperty(SEGMENT_NAME)
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

export class EvaluateSegmentRuleDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: `${RULE_DESCRIPTION} Validated as when saving a segment.`,
    example: RULE_EXAMPLE,
  })
  @IsDefined()
  rule: unknown;
}

export class EditSegmentDto {
  @ApiProperty({ example: 1, description: 'The version you read; 409 when the segment changed since' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional(SEGMENT_NAME)
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `${RULE_DESCRIPTION} A static segment has no rule.`,
    example: RULE_EXAMPLE,
  })
  @IsOptional()
  rule?: unknown;
}

export class SegmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '上海 email-consenting customers' }) name: string;
  @ApiProperty({
    enum: SEGMENT_KINDS,
    description: 'rule: evaluated live; static: members imported from a file',
  })
  kind: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: `${RULE_DESCRIPTION} Null for a static segment.`,
    example: RULE_EXAMPLE,
  })
  rule: unknown;
  @ApiProperty({ example: 1, description: 'Raised by every change; send it back to edit' }) version: number;
  @ApiProperty({ example: 'u-marketer-1' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt: string | null;
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

export class SegmentRuleEvaluationView {
  @ApiProperty({ example: 1280, description: 'Customers matching the rule now' }) count: number;
  @ApiProperty({ type: [SegmentMemberView], description: 'A page of them, by name' })
  items: SegmentMemberView[];
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}
