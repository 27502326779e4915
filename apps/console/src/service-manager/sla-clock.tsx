import { CheckCircleOutlined, ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { advanced, overdueMs } from './sla-clock-reading';
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

const TICK_MS = 1_000;
const ticking = new Set<() => void>();
let tick: ReturnType<typeof setInterval> | undefined;
let tickedAt = Date.now();

/** One timer for every clock on the page, running while any is shown. */
function subscribe(onTick: () => void): () => void {
  if (ticking.size === 0) {
    tickedAt = Date.now();
    tick = setInterval(() => {
      tickedAt = Date.now();
      ticking.forEach((listener) => listener());
    }, TICK_MS);
  }
  ticking.add(onTick);
  return () => {
    ticking.delete(onTick);
    if (ticking.size === 0) clearInterval(tick);
  };
}

const useNow = () => useSyncExternalStore(subscribe, () => tickedAt);

/**
 * One SLA clock in words (time left, overdue by), with an icon; red for a breach, never colour alone. It ticks:
 * `asOf` is the server's instant of reading, `readAt` this browser's (Date.now() when the answer came).
 */
export function SlaClockTag({
  clock: read,
  asOf,
  readAt,
}: {
  clock: SlaClock;
  asOf: string;
  readAt: number;
}) {
  const { t } = useTranslation('serviceManager');
  const elapsedMs = Math.max(0, useNow() - readAt);
  const clock = advanced(read, elapsedMs);
  if (clock.breached) {
    const overdue = overdueMs(clock, asOf, elapsedMs);
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
