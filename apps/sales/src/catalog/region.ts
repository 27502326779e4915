/** A sales region, ISO 3166-2 style: a country, optionally a subdivision (`CN-SH`). */
export const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
export const REGION_MESSAGE = 'region must be a region code such as CN-SH';
