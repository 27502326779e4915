import { QualityType, QualityTypes as Q, Severity } from '@crm/contracts';

export interface SlaTarget {
  /** Routed until accepted by the station. */
  responseHours: number;
  /** Opened until resolved. */
  resolutionHours: number;
}

export interface QualityTypeInfo {
  qualityType: QualityType;
  label: string;
  labelZh: string;
  defaultSeverity: Severity;
}

export const SLA_TARGETS: Record<Severity, SlaTarget> = {
  critical: { responseHours: 1, resolutionHours: 24 },
  high: { responseHours: 4, resolutionHours: 48 },
  medium: { responseHours: 8, resolutionHours: 120 },
  low: { responseHours: 24, resolutionHours: 240 },
};

export const QUALITY_TYPE_CATALOG: readonly QualityTypeInfo[] = [
  { qualityType: Q.brakes, label: 'Brakes', labelZh: '制动系统', defaultSeverity: 'critical' },
  { qualityType: Q.engine, label: 'Engine', labelZh: '发动机', defaultSeverity: 'high' },
  { qualityType: Q.transmission, label: 'Transmission', labelZh: '变速箱', defaultSeverity: 'high' },
  { qualityType: Q.electrical, label: 'Electrical', labelZh: '电气系统', defaultSeverity: 'high' },
  { qualityType: Q.airConditioning, label: 'Air conditioning', labelZh: '空调', defaultSeverity: 'medium' },
  {
    qualityType: Q.noiseAndVibration,
    label: 'Noise and vibration',
    labelZh: '异响与振动',
    defaultSeverity: 'medium',
  },
  { qualityType: Q.infotainment, label: 'Infotainment', labelZh: '车机与娱乐', defaultSeverity: 'low' },
  { qualityType: Q.bodyAndPaint, label: 'Body and paint', labelZh: '车身与漆面', defaultSeverity: 'low' },
  { qualityType: Q.other, label: 'Other', labelZh: '其他', defaultSeverity: 'medium' },
];

export function defaultSeverityOf(qualityType: QualityType): Severity {
  return QUALITY_TYPE_CATALOG.find((info) => info.qualityType === qualityType)?.defaultSeverity ?? 'medium';
}
