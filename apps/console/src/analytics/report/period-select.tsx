import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

/** The report window: the last 30, 90 or 365 days. */
export function PeriodSelect({ value, onChange }: { value: Period; onChange: (days: Period) => void }) {
  const { t } = useTranslation('analytics');
  return (
    <Segmented<Period>
      aria-label={t('report.period')}
      value={value}
      onChange={onChange}
      options={PERIODS.map((days) => ({ value: days, label: t('report.lastDays', { count: days }) }))}
    />
  );
}
