import { Card, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE, type MapStation, useBoard, useStationMap } from './service-manager-queries';
import { StationMapChart } from './station-map-chart';

const CLOSED = new Set(['resolved', 'closed']);

/** Where the stations are, how loaded, and where the open tickets wait; with the same stations as a table. */
export function StationMapPage() {
  const { t } = useTranslation('serviceManager');
  const stations = useStationMap();
  // The newest tickets are the ones a manager is steering; the board's largest page of them.
  const board = useBoard({ limit: 100, offset: 0 });
  const openTickets = (board.data?.items ?? []).filter((ticket) => !CLOSED.has(ticket.status));
  const percent = (load: number | null) => (load === null ? '' : `${Math.round(load * 100)}%`);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('map.title')}
      </Typography.Title>
      <Card>
        {stations.data ? (
          <StationMapChart stations={stations.data.items} tickets={openTickets} />
        ) : (
          <Skeleton active />
        )}
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('map.table')}</h2>}>
        <Table<MapStation>
          data-testid="station-table"
          rowKey="stationId"
          size="small"
          loading={stations.isPending}
          dataSource={stations.data?.items ?? []}
          pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
          columns={[
            { title: t('map.name'), render: (_, station) => `${station.name} (${station.code})` },
            {
              title: t('map.city'),
              render: (_, station) => [station.province, station.city].filter(Boolean).join(' '),
            },
            { title: t('map.longitude'), render: (_, station) => station.location.lon.toFixed(3) },
            { title: t('map.latitude'), render: (_, station) => station.location.lat.toFixed(3) },
            { title: t('map.capacity'), render: (_, station) => `${station.slotsTaken}/${station.capacity}` },
            { title: t('map.load'), render: (_, station) => percent(station.load) },
            { title: t('map.openTickets'), dataIndex: 'openTickets' },
            {
              title: t('map.breachedCount'),
              render: (_, station) =>
                station.breachedTickets > 0 ? (
                  <Typography.Text type="danger" strong>
                    {station.breachedTickets}
                  </Typography.Text>
                ) : (
                  0
                ),
            },
            {
              title: t('ticket.status'),
              render: (_, station) => <Tag>{t(station.active ? 'map.active' : 'map.inactive')}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
