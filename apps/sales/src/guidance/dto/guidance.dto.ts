import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SALES_RECORD_TYPES, SalesRecordType } from '@crm/contracts';

export class PostGuidanceDto {
  @ApiProperty({ example: '先约客户试驾，再谈金融方案', description: 'The guidance, or the owner’s reply' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body: string;
}

export class GuidanceCommentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SALES_RECORD_TYPES }) recordType: SalesRecordType;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ enum: ['guidance', 'reply'], description: "A manager's guidance or the owner's reply" })
  kind: 'guidance' | 'reply';
  @ApiProperty() authorId: string;
  @ApiProperty({ nullable: true, type: String }) authorName: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class GuidanceThreadView {
  @ApiProperty({ type: [GuidanceCommentView], description: 'Oldest first' }) items: GuidanceCommentView[];
}
