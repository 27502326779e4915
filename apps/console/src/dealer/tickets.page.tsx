import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, STATE_COLORS, Screen } from '../screen/screen';
import { type DealerTicket, useDealerTickets } from './dealer-queries';

const dateTime = (value: string) => new Date(value).toLocaleString();

/** Tickets about the vehicles the dealer sold: where each stands and which station has it. */
export function TicketsPage() {
  const { t } = useTranslation('dealer');
  const paging = usePageParam();
  const tickets = useDealerTickets(paging.range);
  const items = tickets.data?.items ?? [];
  return (
    <Screen title={t('tickets.title')} hint={t('tickets.hint')}>
      <LoadFailed error={tickets.error} />
      <Table<DealerTicket>
        data-testid="dealer-tickets"
        rowKey="ticketId"
        size="middle"
        loading={tickets.isFetching}
        dataSource={items}
        pagination={serverPagination(paging, items.length)}
        locale={{ emptyText: <NoRows text={t('tickets.empty')} /> }}
        columns={[
          {
            title: t('tickets.number'),
            render: (_, ticket) => (
              <Link to={`/dealer/tickets/${ticket.ticketId}`}>{ticket.ticketNumber}</Link>
            ),
          },
          { title: t('tickets.openedAt'), render: (_, ticket) => dateTime(ticket.openedAt) },
          { title: t('tickets.vin'), dataIndex: 'vin' },
          {
            title: t('tickets.qualityType'),
            render: (_, ticket) => t(`translation:qualityType.${ticket.qualityType}`),
          },
          {
            title: t('tickets.status'),
            render: (_, ticket) => <TicketStatus status={ticket.status} escalated={ticket.escalated} />,
          },
          {
            title: t('tickets.station'),
            render: (_, ticket) => ticket.stationName ?? t('tickets.notRouted'),
          },
        ]}
      />
    </Screen>
  );
}

export function TicketStatus({ status, escalated }: Pick<DealerTicket, 'status' | 'escalated'>) {
  const { t } = useTranslation('dealer');
  const done = status === 'resolved' || status === 'closed';
  return (
    <Tag color={escalated ? STATE_COLORS.bad : done ? STATE_COLORS.good : STATE_COLORS.busy}>
      {t(`translation:ticketStatus.${status}`)}
    </Tag>
  );
}
