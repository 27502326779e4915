import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATE_COLORS } from '../screen/screen';

/** Whether a user, partner or client is enabled. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation('admin');
  return <Tag color={active ? STATE_COLORS.good : 'default'}>{t(`active.${active}`)}</Tag>;
}
