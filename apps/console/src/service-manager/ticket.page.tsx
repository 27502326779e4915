import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, List, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/clients';
import { RerouteDialog } from './reroute-dialog';
import { RoutingDecisions } from './routing-decisions';
import {
  type BoardTicketAt,
  type TicketDetails,
  type TicketStatus,
  type TimelineStep,
  useBoardTicket,
  useStationMap,
  useTicketDetails,
  useTicketTimeline,
} from './service-manager-queries';
import { SlaClockTag } from './sla-clock';
import { TicketTimeline } from './ticket-timeline';
import { dateTime } from './ticket-table';

/** While no station has finished with it (ADR 0041). */
const REROUTABLE: ReadonlySet<TicketStatus> = new Set([
  'new',
  'declined',
  'reopened',
  'routed',
  'accepted',
  'in_progress',
]);
const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** One ticket for the service manager: where it is, why it went there, what happened, and a re-route by hand. */
export function TicketPage() {
  const { t } = useTranslation('serviceManager');
  const navigate = useNavigate();
  const { ticketId = '' } = useParams();
  const details = useTicketDetails(ticketId);
  const row = useBoardTicket(ticketId);
  const timeline = useTicketTimeline(ticketId);
  const stations = useStationMap();
  const [rerouting, setRerouting] = useState(false);
  const stationName = (stationId: string | null) =>
    stations.data?.items.find((station) => station.stationId === stationId)?.name ?? '';

  if (details.isPending) return <Skeleton active />;
  if (details.isError) {
    const missing = details.error instanceof ApiError && details.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('detail.notFound') : details.error.message}
      />
    );
  }
  const ticket = details.data;
  const current = stationName(ticket.stationId) || t('ticket.noStation');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/service-manager/board')}>
          {t('detail.back')}
        </Button>
        {REROUTABLE.has(ticket.status) && (
          <Button type="primary" icon={<SwapOutlined />} onClick={() => setRerouting(true)}>
            {t('reroute.open')}
          </Button>
        )}
      </Space>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('detail.title', { number: ticket.ticketNumber })}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('ticket.customer')}>
            <span data-testid="ticket-customer">
              {row.data ? (row.data.customerName ?? t('ticket.unnamed')) : ''}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('ticket.status')}>
            {t(`translation:ticketStatus.${ticket.status}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ticket.station')}>
            <span data-testid="ticket-station">{current}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('ticket.qualityType')}>
            {t(`translation:qualityType.${ticket.qualityType}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ticket.severity')}>
            {t(`severity.${ticket.severity}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ticket.openedAt')}>{dateTime(ticket.openedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('ticket.response')}>
            <SlaClock row={row.data} readAt={row.dataUpdatedAt} which="response" />
          </Descriptions.Item>
          <Descriptions.Item label={t('ticket.resolution')}>
            <SlaClock row={row.data} readAt={row.dataUpdatedAt} which="resolution" />
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.vehicle')}>
            {[ticket.brand, ticket.vin].filter(Boolean).join(' ') || t('detail.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.description')} span={3}>
            {ticket.description}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={heading(t('detail.routing'))}>
        <RoutingDecisions decisions={ticket.routing} />
      </Card>
      <Card title={heading(t('detail.escalations'))}>
        <Escalations ticket={ticket} steps={timeline.data?.steps ?? []} />
      </Card>
      <Card title={heading(t('detail.timeline'))}>
        {timeline.data ? (
          <TicketTimeline steps={timeline.data.steps} stationName={stationName} />
        ) : (
          <Skeleton active />
        )}
      </Card>
      {rerouting && (
        <RerouteDialog ticket={ticket} stationName={current} onClose={() => setRerouting(false)} />
      )}
    </Space>
  );
}

/** The board's clock, ticking, with the due time beside it. */
function SlaClock({
  row,
  readAt,
  which,
}: {
  row: BoardTicketAt | undefined;
  readAt: number;
  which: 'response' | 'resolution';
}) {
  if (!row) return <Skeleton.Input size="small" active />;
  const clock = row.sla[which];
  return (
    <Space size="small" wrap data-testid={`sla-${which}`}>
      <SlaClockTag clock={clock} asOf={row.asOf} readAt={readAt} />
      {clock.dueAt && <Typography.Text type="secondary">{dateTime(clock.dueAt)}</Typography.Text>}
    </Space>
  );
}

function Escalations({ ticket, steps }: { ticket: TicketDetails; steps: TimelineStep[] }) {
  const { t } = useTranslation('serviceManager');
  const entries = [
    ticket.responseBreachedAt && t('detail.responseBreached', { time: dateTime(ticket.responseBreachedAt) }),
    ticket.resolutionBreachedAt &&
      t('detail.resolutionBreached', { time: dateTime(ticket.resolutionBreachedAt) }),
    ticket.escalatedAt && t('detail.escalatedAt', { time: dateTime(ticket.escalatedAt) }),
    ...steps
      .filter((step) => step.step === 'escalated' && step.note)
      .map((step) => `${dateTime(step.at)} · ${step.note}`),
  ].filter((entry): entry is string => Boolean(entry));
  if (entries.length === 0) return <Typography.Text>{t('detail.noEscalation')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={entries}
      renderItem={(entry) => (
        <List.Item>
          <Typography.Text type="danger">{entry}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
