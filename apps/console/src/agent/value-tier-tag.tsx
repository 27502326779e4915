import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360 } from './agent-queries';
import { TAG_COLOURS } from './tag-colours';

type ValueTier = NonNullable<Customer360['valueTier']>;

const TIER_COLOURS: Record<ValueTier['tier'], keyof typeof TAG_COLOURS> = {
  platinum: 'purple',
  gold: 'gold',
  iron: 'slate',
  lead: 'grey',
};

/** The customer's place in analytics' value pyramid, with the revenue it was cut on. */
export function ValueTierTag({ valueTier }: { valueTier: Customer360['valueTier'] }) {
  const { t, i18n } = useTranslation();
  if (!valueTier) return <Tag data-testid="value-tier">{t('valueTier.none')}</Tag>;
  const value = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: valueTier.currency,
    maximumFractionDigits: 0,
  }).format(valueTier.value);
  return (
    <Tag
      data-testid="value-tier"
      style={TAG_COLOURS[TIER_COLOURS[valueTier.tier]]}
      title={t('valueTier.basis', { value, date: valueTier.computedAt.slice(0, 10) })}
    >
      {t(`valueTier.${valueTier.tier}`)} · {value}
    </Tag>
  );
}
