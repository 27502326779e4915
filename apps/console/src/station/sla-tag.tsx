import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StationTicket } from './station-queries';
import { TAG_COLORS } from './tag-colors';
import { ticketSla } from './ticket-sla';

export const dateTime = (value: string) => new Date(value).toLocaleString();

/** The SLA clock the station is on, with its due time and whether it is overdue. */
export function SlaTag({ ticket }: { ticket: StationTicket }) {
  const { t } = useTranslation('station');
  const sla = ticketSla(ticket, new Date());
  if (!sla) return <Tag color={TAG_COLORS.done}>{t('sla.done')}</Tag>;
  return (
    <Space size={4} wrap>
      <Tag color={sla.breached ? TAG_COLORS.late : TAG_COLORS.running}>
        {t(sla.breached ? 'sla.breached' : 'sla.onTime')}
      </Tag>
      <Typography.Text type="secondary">
        {t(`sla.${sla.clock}`, { time: dateTime(sla.dueAt) })}
      </Typography.Text>
    </Space>
  );
}
