import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_CHANNELS,
  EDITOR_OF,
  GENDERS,
  RULE_FIELDS,
  VALUE_TIERS,
  type Condition,
  type RuleField,
} from './segment-rule';

interface Props {
  condition: Condition;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}

/** One condition of the segment: its field, and the value editor that field takes. */
export function ConditionRow({ condition, onChange, onRemove }: Props) {
  const { t } = useTranslation('marketing');
  const fieldName = t(`segment.fields.${condition.field}`);
  return (
    <Space wrap align="start" data-testid="segment-condition">
      <Select<RuleField>
        aria-label={t('segment.field')}
        style={{ width: 200 }}
        virtual={false}
        listHeight={400}
        value={condition.field}
        options={RULE_FIELDS.map((field) => ({ value: field, label: t(`segment.fields.${field}`) }))}
        onChange={(field) => onChange({ key: condition.key, field, values: [] })}
      />
      <ValueEditor condition={condition} label={fieldName} onChange={onChange} />
      <Button icon={<DeleteOutlined />} aria-label={t('segment.remove')} onClick={onRemove} />
    </Space>
  );
}

function ValueEditor({ condition, label, onChange }: Omit<Props, 'onRemove'> & { label: string }) {
  const { t } = useTranslation('marketing');
  const set = (change: Partial<Condition>) => onChange({ ...condition, ...change });
  const choose = (options: { value: string; label: string }[], mode?: 'multiple' | 'tags') => (
    <Select
      aria-label={label}
      mode={mode}
      virtual={false}
      style={{ minWidth: 260 }}
      placeholder={mode === 'tags' ? t('segment.typeValues') : undefined}
      value={mode ? condition.values : condition.values[0]}
      options={options}
      onChange={(value: string | string[]) => set({ values: Array.isArray(value) ? value : [value] })}
    />
  );
  switch (EDITOR_OF[condition.field]) {
    case 'choices': {
      const [values, group] = condition.field === 'valueTier' ? [VALUE_TIERS, 'tiers'] : [GENDERS, 'genders'];
      return choose(
        values.map((value) => ({ value, label: t(`segment.${group}.${value}`) })),
        'multiple',
      );
    }
    case 'values':
      return choose([], 'tags');
    case 'channel':
      return choose(CONSENT_CHANNELS.map((value) => ({ value, label: t(`segment.channels.${value}`) })));
    case 'month':
      return choose([
        { value: 'current', label: t('segment.currentMonth') },
        ...Array.from({ length: 12 }, (_, index) => ({
          value: String(index + 1),
          label: t('segment.month', { month: index + 1 }),
        })),
      ]);
    case 'dates':
      return (
        <Space>
          <Input
            type="date"
            aria-label={`${label} ${t('segment.from')}`}
            value={condition.from ?? ''}
            onChange={(event) => set({ from: event.target.value || undefined })}
          />
          <Input
            type="date"
            aria-label={`${label} ${t('segment.to')}`}
            value={condition.to ?? ''}
            onChange={(event) => set({ to: event.target.value || undefined })}
          />
        </Space>
      );
    case 'range':
      return (
        <Space>
          <InputNumber
            aria-label={`${label} ${t('segment.min')}`}
            placeholder={t('segment.min')}
            min={0}
            value={condition.min}
            onChange={(min) => set({ min: min ?? undefined })}
          />
          <InputNumber
            aria-label={`${label} ${t('segment.max')}`}
            placeholder={t('segment.max')}
            min={0}
            value={condition.max}
            onChange={(max) => set({ max: max ?? undefined })}
          />
        </Space>
      );
    case 'text':
      return (
        <Input
          aria-label={label}
          style={{ width: 260 }}
          value={condition.text ?? ''}
          onChange={(event) => set({ text: event.target.value })}
        />
      );
  }
}
