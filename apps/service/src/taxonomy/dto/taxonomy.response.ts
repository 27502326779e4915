import { ApiProperty } from '@nestjs/swagger';
import { QualityType, QualityTypes, SEVERITIES, Severity } from '@crm/contracts';
import { QualityTypeInfo, SlaTarget } from '../quality-type-catalog';
import { QualityTypeSuggestion } from '../quality-type-suggester';

export class QualityTypeInfoResponse implements QualityTypeInfo {
  @ApiProperty({ enum: Object.values(QualityTypes) })
  qualityType: QualityType;
  @ApiProperty({ example: 'Brakes' })
  label: string;
  @ApiProperty({ example: '制动系统' })
  labelZh: string;
  @ApiProperty({ enum: SEVERITIES })
  defaultSeverity: Severity;
}

export class SlaTargetResponse implements SlaTarget {
  @ApiProperty({ description: 'Routed until accepted by the station', example: 4 })
  responseHours: number;
  @ApiProperty({ description: 'Opened until resolved', example: 48 })
  resolutionHours: number;
}

export class SlaTargetsResponse implements Record<Severity, SlaTarget> {
  @ApiProperty({ type: SlaTargetResponse })
  critical: SlaTargetResponse;
  @ApiProperty({ type: SlaTargetResponse })
  high: SlaTargetResponse;
  @ApiProperty({ type: SlaTargetResponse })
  medium: SlaTargetResponse;
  @ApiProperty({ type: SlaTargetResponse })
  low: SlaTargetResponse;
}

export class TaxonomyResponse {
  @ApiProperty({ type: [QualityTypeInfoResponse] })
  items: QualityTypeInfoResponse[];
  @ApiProperty({ type: SlaTargetsResponse })
  slaTargets: SlaTargetsResponse;
}

export class QualityTypeSuggestionResponse implements QualityTypeSuggestion {
  @ApiProperty({ enum: Object.values(QualityTypes) })
  qualityType: QualityType;
  @ApiProperty({ example: 2 })
  score: number;
  @ApiProperty({ example: ['刹车'] })
  matchedKeywords: string[];
}

export class QualityTypeSuggestionsResponse {
  @ApiProperty({ type: [QualityTypeSuggestionResponse], description: 'Best first' })
  items: QualityTypeSuggestionResponse[];
}
