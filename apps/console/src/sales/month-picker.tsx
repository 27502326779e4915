import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentMonth } from './sales-format';

/** The months a manager looks at: three back, this one, three ahead. */
function nearbyMonths(): string[] {
  const [year, month] = currentMonth().split('-').map(Number);
  return [-3, -2, -1, 0, 1, 2, 3].map((offset) => {
    const date = new Date(Date.UTC(year, month - 1 + offset, 1));
    return date.toISOString().slice(0, 7);
  });
}

export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation('sales');
  return (
    <Select
      aria-label={t('manager.month')}
      style={{ width: 140 }}
      value={value}
      onChange={onChange}
      options={nearbyMonths().map((month) => ({ value: month, label: month }))}
    />
  );
}
