import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dateTime, SlaTag } from './sla-tag';
import { type StationTicket, useStationQueue } from './station-queries';

/** The station's queue: every ticket assigned to it, with its status and the SLA clock it is on. */
export function TicketsPage() {
  const { t } = useTranslation('station');
  const queue = useStationQueue();
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('tickets.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('tickets.hint')}</Typography.Paragraph>
      <Table<StationTicket>
        data-testid="station-tickets"
        rowKey="ticketId"
        size="middle"
        loading={queue.isPending}
        dataSource={queue.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('tickets.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('tickets.number'),
            render: (_, ticket) => (
              <Link to={`/station/tickets/${ticket.ticketId}`}>{ticket.ticketNumber}</Link>
            ),
          },
          {
            title: t('tickets.status'),
            render: (_, ticket) => <Tag>{t(`translation:ticketStatus.${ticket.status}`)}</Tag>,
          },
          { title: t('tickets.sla'), render: (_, ticket) => <SlaTag ticket={ticket} /> },
          {
            title: t('tickets.qualityType'),
            render: (_, ticket) =>
              `${t(`translation:qualityType.${ticket.qualityType}`)} · ${t(`severity.${ticket.severity}`)}`,
          },
          {
            title: t('tickets.vehicle'),
            render: (_, ticket) => [ticket.brand, ticket.vin].filter(Boolean).join(' · '),
          },
          { title: t('tickets.openedAt'), render: (_, ticket) => dateTime(ticket.openedAt) },
          {
            title: t('tickets.appointment'),
            render: (_, ticket) => (ticket.appointmentAt ? dateTime(ticket.appointmentAt) : ''),
          },
        ]}
      />
    </Card>
  );
}
