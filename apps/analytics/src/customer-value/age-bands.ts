/** The age bands every customer report groups by, youngest first. */
export const AGE_BANDS = ['<25', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band of a `birthday` column at the moment `at` (SQL); null without a birthday. */
export function ageBandSql(birthday: string, at: string): string {
  return `CASE WHEN ${birthday} IS NULL THEN NULL
    WHEN age(${at}, ${birthday}) < interval '25 years' THEN '<25'
    WHEN age(${at}, ${birthday}) < interval '35 years' THEN '25-34'
    WHEN age(${at}, ${birthday}) < interval '45 years' THEN '35-44'
    WHEN age(${at}, ${birthday}) < interval '55 years' THEN '45-54'
    ELSE '55+' END`;
}
