import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ACTIVITY_TYPES, ActivityType } from '@crm/contracts';
import { IsCalendarDate, IsDateTime, PageQuery } from '@crm/http';

export class LogActivityDto {
  @ApiProperty({ enum: ACTIVITY_TYPES })
  @IsIn(ACTIVITY_TYPES)
  type: ActivityType;

  @ApiProperty({ example: '试驾 Aurora S7' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subject: string;

  @ApiProperty({ example: '客户关心续航和充电桩安装', description: 'What was discussed' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  discussed: string;

  @ApiPropertyOptional({ example: '发送金融方案报价', description: 'The next step; needs its due date' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  nextStep?: string;

  @ApiPropertyOptional({ example: '2026-12-05', format: 'date', description: 'Required with a next step' })
  @ValidateIf((dto: LogActivityDto) => dto.nextStep !== undefined || dto.nextStepDue !== undefined)
  @IsCalendarDate()
  nextStepDue?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened; defaults to now' })
  @IsOptional()
  @IsDateTime()
  occurredAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the opportunity's or lead's customer" })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  opportunityId?: string;
}

export class ListActivitiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_TYPES })
  @IsOptional()
  @IsIn(ACTIVITY_TYPES)
  type?: ActivityType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  opportunityId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Next steps due on or before this day, soonest first' })
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string;
}

export class ActivityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACTIVITY_TYPES }) type: ActivityType;
  @ApiProperty() subject: string;
  @ApiProperty() discussed: string;
  @ApiProperty({ nullable: true, type: String }) nextStep: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextStepDue: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) leadId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) opportunityId: string | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) partnerId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ActivityPageView {
  @ApiProperty({ type: [ActivityView] }) items: ActivityView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
