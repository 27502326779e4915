import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ALL_CAMPAIGN_CHANNELS, CampaignChannel } from '@crm/contracts';
import { IsDateTime, PageQuery } from '@crm/http';
import { CAMPAIGN_OBJECTIVES, CampaignObjective, DEFAULT_OBJECTIVE } from '../../campaign-objectives';
import { MAX_TOP_N } from '../../scoring/targeting/campaign-targeting';
import { CampaignStatus, CampaignStatuses, DEFAULT_ATTRIBUTION_DAYS, MAX_HOLDOUT_PERCENT } from '../campaign';

const TEMPLATE_DESCRIPTION =
  'The message per language: { "zh-CN": { subject, body }, en?: { subject, body } }, each text a Handlebars ' +
  'template over {{name}}, {{model}} (latest vehicle), {{city}} and {{unsubscribeUrl}}, with #if/#unless. ' +
  'A customer gets English only when their language is known to be English; Chinese otherwise. ' +
  'For channel sms, the provider template instead: { providerTemplateId, params: { <provider param>: ' +
  '"name" | "model" | "city" } }, no free text (the approved template carries the opt-out "回T退订").';

const TEMPLATE_EXAMPLE = {
  'zh-CN': {
    subject: '{{name}}，您的保养季优惠',
    body: '{{name}}您好：{{#if model}}您的{{model}}{{/if}}本月保养八折。',
  },
  en: {
    subject: '{{name}}, your service offer',
    body: 'Dear {{name}}, 20% off servicing{{#if model}} your {{model}}{{/if}}.',
  },
};

const ALL_STATUSES = Object.values(CampaignStatuses);
const MAX_ATTRIBUTION_DAYS = 365;

const SCHEDULE_DESCRIPTION =
  'How the campaign repeats once scheduled; absent or null: sent once. { kind: "recurring", cron } with a ' +
  'five-field cron in Asia/Shanghai time, or { kind: "triggered", trigger } with trigger { kind: "birthday" } ' +
  '(Feb 29 birthdays on Feb 28 in common years), { kind: "purchase-anniversary", years? }, ' +
  '{ kind: "service-due", months } (once per service cycle) or { kind: "holiday", holiday, daysBefore } with ' +
  'holiday one of spring-festival, lantern, dragon-boat, qixi, mid-autumn, new-year, national-day.';

const SCHEDULE_EXAMPLE = {
  kind: 'triggered',
  trigger: { kind: 'holiday', holiday: 'mid-autumn', daysBefore: 3 },
};

const TARGETING_DESCRIPTION =
  'Cuts the segment by propensity score when the recipients are frozen at send time: { objective?, minScore?, ' +
  `topN? }. The members are scored 0-100 by the latest model of objective (default: the campaign's own; train it ` +
  'first with POST /campaign-models/{objective}/train, or scheduling is 409), those under minScore (0-100) dropped, ' +
  `the best topN (1-${MAX_TOP_N}) kept, equal scores by customer id. The frozen recipients are exactly those; ` +
  'consent, address and holdout then apply to them as to any recipient. Absent or null: the whole segment.';

const TARGETING_EXAMPLE = { objective: 'service-reminder', minScore: 40, topN: 5000 };

/** What a campaign is for and whom of its segment it reaches; both optional. */
class CampaignAimDto {
  @ApiPropertyOptional({
    enum: CAMPAIGN_OBJECTIVES,
    example: 'service-reminder',
    description: `What the campaign is for; propensity models are trained per objective; default ${DEFAULT_OBJECTIVE}`,
  })
  @IsOptional()
  @IsIn(CAMPAIGN_OBJECTIVES)
  objective?: CampaignObjective;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: TARGETING_DESCRIPTION,
    example: TARGETING_EXAMPLE,
  })
  @IsOptional()
  targeting?: unknown;
}

/** How a campaign is measured: its control group and how long a conversion counts; both optional. */
class CampaignMeasurementDto extends CampaignAimDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_HOLDOUT_PERCENT,
    example: 10,
    description: 'Share of the segment held out as a control group (never sent), chosen by a hash; default 0',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_HOLDOUT_PERCENT)
  holdoutPercent?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_ATTRIBUTION_DAYS,
    example: DEFAULT_ATTRIBUTION_DAYS,
    description: `Days after the send in which an order or service visit counts as converted; default ${DEFAULT_ATTRIBUTION_DAYS}`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ATTRIBUTION_DAYS)
  attributionDays?: number;
}

export class CreateCampaignDto extends CampaignMeasurementDto {
  @ApiProperty({ example: '上海保养季', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ALL_CAMPAIGN_CHANNELS, example: 'email' })
  @IsIn(ALL_CAMPAIGN_CHANNELS)
  channel: CampaignChannel;

  @ApiProperty({ format: 'uuid', description: 'The segment it is sent to, frozen at send time' })
  @IsUUID()
  segmentId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: TEMPLATE_DESCRIPTION,
    example: TEMPLATE_EXAMPLE,
  })
  @IsDefined()
  template: unknown;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: SCHEDULE_DESCRIPTION,
    example: SCHEDULE_EXAMPLE,
  })
  @IsOptional()
  schedule?: unknown;
}

export class UpdateCampaignDto extends CampaignMeasurementDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  segmentId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: TEMPLATE_DESCRIPTION })
  @IsOptional()
  @IsDefined()
  template?: unknown;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: `${SCHEDULE_DESCRIPTION} null makes it one-off again.`,
  })
  @IsOptional()
  schedule?: unknown;
}

export class ScheduleCampaignDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When to send; absent: now' })
  @IsOptional()
  @IsDateTime()
  sendAt?: string;
}

export class CampaignListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALL_STATUSES })
  @IsOptional()
  @IsIn(ALL_STATUSES)
  status?: CampaignStatus;
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '上海保养季' }) name: string;
  @ApiProperty({ enum: ALL_CAMPAIGN_CHANNELS }) channel: CampaignChannel;
  @ApiProperty({ enum: CAMPAIGN_OBJECTIVES }) objective: CampaignObjective;
  @ApiProperty({ format: 'uuid' }) segmentId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: TARGETING_EXAMPLE })
  targeting: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, example: TEMPLATE_EXAMPLE }) template: unknown;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sendAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: SCHEDULE_EXAMPLE })
  schedule: unknown;
  @ApiProperty({ enum: ALL_STATUSES }) status: CampaignStatus;
  @ApiProperty({ example: 10 }) holdoutPercent: number;
  @ApiProperty({ example: DEFAULT_ATTRIBUTION_DAYS }) attributionDays: number;
  @ApiProperty({ example: 'u-marketer-1' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
}

export class CampaignListView {
  @ApiProperty({ type: [CampaignView] }) items: CampaignView[];
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}
