import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, PageQuery } from '@crm/http';
import { REGION, REGION_MESSAGE } from '../../catalog/region';
import { MoneyDto, MoneyView } from './money.dto';

const STAGE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export class OpenOpportunityDto {
  @ApiProperty({ example: '张伟 - Aurora S7 长续航版' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default pipeline' })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @ApiPropertyOptional({
    example: 'prospecting',
    description: "An open stage; defaults to the pipeline's first",
  })
  @IsOptional()
  @Matches(STAGE_KEY)
  stage?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  expectedCloseDate?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({
    example: 'CN-SH',
    description: "Where the customer buys: line items are priced from this region's price list",
  })
  @IsOptional()
  @Matches(REGION, { message: REGION_MESSAGE })
  region?: string;

  @ApiPropertyOptional({
    example: 'u-rep-1',
    description: 'Someone in your part of the team; defaults to you',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;
}

export class ChangeOpportunityDto {
  @ApiPropertyOptional({ example: '张伟 - Aurora S7' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  expectedCloseDate?: string;

  @ApiPropertyOptional({
    example: 'CN-SH',
    description: "Where the customer buys: line items are priced from this region's price list",
  })
  @IsOptional()
  @Matches(REGION, { message: REGION_MESSAGE })
  region?: string;

  @ApiPropertyOptional({ example: 'u-rep-2' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;
}

export class MoveStageDto {
  @ApiProperty({ example: 'test_drive' })
  @Matches(STAGE_KEY, { message: 'stage must be a stage key such as test_drive' })
  stage: string;
}

export class CloseReasonDto {
  @ApiProperty({ example: '客户选择了竞品' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class WinOpportunityDto extends CloseReasonDto {
  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'The final amount; required unless the opportunity has one',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;
}

export class ListOpportunitiesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'negotiation' })
  @IsOptional()
  @Matches(STAGE_KEY)
  stage?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ description: 'Only open (true) or only closed (false) opportunities' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

export class StageChangeView {
  @ApiProperty({ nullable: true, type: String, example: 'proposal' })
  fromStage: string | null;
  @ApiProperty({ example: 'negotiation' })
  toStage: string;
  @ApiProperty({ example: 80 })
  probability: number;
  @ApiProperty({ example: 'u-rep-1' })
  changedBy: string;
  @ApiProperty({ format: 'date-time' })
  changedAt: string;
}

export class OpportunityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) pipelineId: string;
  @ApiProperty({ example: 'negotiation' }) stage: string;
  @ApiProperty({ example: 80 }) probability: number;
  @ApiProperty({ type: MoneyView, nullable: true }) amount: MoneyView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expectedCloseDate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) leadId: string | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) partnerId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'CN-SH' }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) closeReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OpportunityDetailView extends OpportunityView {
  @ApiProperty({ type: [StageChangeView] }) history: StageChangeView[];
}

export class OpportunityPageView {
  @ApiProperty({ type: [OpportunityView] }) items: OpportunityView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
