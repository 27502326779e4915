export const QualityTypes = {
  engine: 'engine',
  transmission: 'transmission',
  brakes: 'brakes',
  electrical: 'electrical',
  airConditioning: 'air_conditioning',
  bodyAndPaint: 'body_and_paint',
  noiseAndVibration: 'noise_and_vibration',
  infotainment: 'infotainment',
  other: 'other',
} as const;
export type QualityType = (typeof QualityTypes)[keyof typeof QualityTypes];
export const ALL_QUALITY_TYPES = Object.values(QualityTypes) as QualityType[];
