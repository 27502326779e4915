import { z } from 'zod';

export const geoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

export const addressSchema = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  location: geoPointSchema.nullable(),
});
export type Address = z.infer<typeof addressSchema>;

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
