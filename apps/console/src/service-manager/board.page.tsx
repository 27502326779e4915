import { Card, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BoardFilter,
  PAGE_SIZE,
  type TicketStatus,
  useBoard,
  useStationMap,
} from './service-manager-queries';
import { dateTime, TicketTable } from './ticket-table';

const STATUSES: TicketStatus[] = [
  'new',
  'routed',
  'accepted',
  'in_progress',
  'declined',
  'reopened',
  'escalated',
  'resolved',
  'closed',
];
type Breach = 'any' | 'breached' | 'on-time';
const BREACHED: Record<Breach, boolean | undefined> = { any: undefined, breached: true, 'on-time': false };

/** Every ticket with its station and SLA clocks; filters by status, station and breach; refreshes itself. */
export function BoardPage() {
  const { t } = useTranslation('serviceManager');
  const [status, setStatus] = useState<TicketStatus | 'any'>('any');
  const [stationId, setStationId] = useState<string>('any');
  const [breach, setBreach] = useState<Breach>('any');
  const [offset, setOffset] = useState(0);
  const stations = useStationMap();
  const filter: BoardFilter = {
    status: status === 'any' ? undefined : status,
    stationId: stationId === 'any' ? undefined : stationId,
    breached: BREACHED[breach],
    limit: PAGE_SIZE,
    offset,
  };
  const board = useBoard(filter);
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('board.title')}
      </Typography.Title>
      <Card>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('board.status')} htmlFor="board-status">
            <Select
              id="board-status"
              style={{ width: 150 }}
              value={status}
              onChange={refilter(setStatus)}
              options={[
                { value: 'any', label: t('board.anyStatus') },
                ...STATUSES.map((value) => ({ value, label: t(`translation:ticketStatus.${value}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('board.station')} htmlFor="board-station">
            <Select
              id="board-station"
              style={{ width: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={stationId}
              onChange={refilter(setStationId)}
              options={[
                { value: 'any', label: t('board.anyStation') },
                ...(stations.data?.items ?? []).map((station) => ({
                  value: station.stationId,
                  label: station.name,
                })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('board.breached')} htmlFor="board-breached">
            <Select<Breach>
              id="board-breached"
              style={{ width: 140 }}
              value={breach}
              onChange={refilter(setBreach)}
              options={[
                { value: 'any', label: t('board.anyBreach') },
                { value: 'breached', label: t('board.onlyBreached') },
                { value: 'on-time', label: t('board.notBreached') },
              ]}
            />
          </Form.Item>
        </Form>
      </Card>
      {board.data && (
        <Typography.Text type="secondary" data-testid="board-as-of">
          {t('board.total', { total: board.data.total })} ·{' '}
          {t('board.asOf', { time: dateTime(board.data.asOf) })}
        </Typography.Text>
      )}
      <TicketTable
        page={board.data}
        readAt={board.dataUpdatedAt}
        loading={board.isPending}
        emptyText={t('board.empty')}
        onPage={setOffset}
      />
    </Space>
  );
}
