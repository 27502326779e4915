import { CheckCircleOutlined, ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaClock } from './service-manager-queries';

const MINUTE = 60_000;

/** `2 d 3 h`, `3 h 05 m`, `12 m`: precise enough to act on, short enough for a table cell. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes % 60).padStart(2, '0')} m`;
  return `${minutes} m`;
}

/** How long since due, read at the board's instant; an escalated clock no longer counts, so measure from due. */
function overdueMs(clock: SlaClock, asOf: string): number | null {
  if (clock.remainingMs !== null) return -clock.remainingMs;
  return clock.dueAt ? new Date(asOf).getTime() - new Date(clock.dueAt).getTime() : null;
}

/** One SLA clock in words (time left, overdue by), with an icon; red for a breach, never colour alone. */
export function SlaClockTag({ clock, asOf }: { clock: SlaClock; asOf: string }) {
  const { t } = useTranslation('serviceManager');
  if (clock.breached) {
    const overdue = overdueMs(clock, asOf);
    return (
      <Typography.Text type="danger" strong data-sla="breached">
        <WarningOutlined aria-hidden />{' '}
        {overdue !== null && overdue > 0
          ? t('sla.overdue', { time: formatDuration(overdue) })
          : t('sla.breached')}
      </Typography.Text>
    );
  }
  if (clock.state === 'running')
    return (
      <Typography.Text data-sla="running">
        <ClockCircleOutlined aria-hidden /> {t('sla.left', { time: formatDuration(clock.remainingMs ?? 0) })}
      </Typography.Text>
    );
  if (clock.state === 'met')
    return (
      <Typography.Text data-sla="met">
        <CheckCircleOutlined aria-hidden style={{ color: '#237804' }} /> {t('sla.met')}
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary" data-sla="pending">
      {t('sla.pending')}
    </Typography.Text>
  );
}
