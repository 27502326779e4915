import { Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BoardPage, BoardTicket } from './service-manager-queries';
import { SlaClockTag } from './sla-clock';

export const dateTime = (value: string) => new Date(value).toLocaleString();

/** The board's rows: who, what, where, and both SLA clocks, ticking from the page's instant. */
export function TicketTable({
  page,
  readAt,
  loading,
  emptyText,
  onPage,
}: {
  page: BoardPage | undefined;
  /** When the page arrived (its query's dataUpdatedAt). */
  readAt: number;
  loading: boolean;
  emptyText: string;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation('serviceManager');
  const asOf = page?.asOf ?? new Date().toISOString();
  const pagination: TablePaginationConfig = {
    current: page ? Math.floor(page.offset / page.limit) + 1 : 1,
    pageSize: page?.limit ?? 20,
    total: page?.total ?? 0,
    showSizeChanger: false,
    onChange: (current, size) => onPage((current - 1) * size),
  };
  return (
    <Table<BoardTicket>
      data-testid="ticket-table"
      rowKey="ticketId"
      size="small"
      loading={loading}
      dataSource={page?.items ?? []}
      pagination={pagination}
      // antd's own empty text is too pale for WCAG AA (axe: color-contrast).
      locale={{ emptyText: <Typography.Text>{emptyText}</Typography.Text> }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('ticket.number'),
          render: (_, ticket) => (
            <Link to={`/service-manager/tickets/${ticket.ticketId}`}>{ticket.ticketNumber}</Link>
          ),
        },
        { title: t('ticket.openedAt'), render: (_, ticket) => dateTime(ticket.openedAt) },
        { title: t('ticket.customer'), render: (_, ticket) => ticket.customerName ?? t('ticket.unnamed') },
        {
          title: t('ticket.qualityType'),
          render: (_, ticket) => t(`translation:qualityType.${ticket.qualityType}`),
        },
        { title: t('ticket.severity'), render: (_, ticket) => t(`severity.${ticket.severity}`) },
        {
          title: t('ticket.status'),
          render: (_, ticket) => <Tag>{t(`translation:ticketStatus.${ticket.status}`)}</Tag>,
        },
        { title: t('ticket.station'), render: (_, ticket) => ticket.station?.name ?? t('ticket.noStation') },
        { title: t('ticket.technician'), render: (_, ticket) => ticket.technician ?? '' },
        {
          title: t('ticket.response'),
          render: (_, ticket) => <SlaClockTag clock={ticket.sla.response} asOf={asOf} readAt={readAt} />,
        },
        {
          title: t('ticket.resolution'),
          render: (_, ticket) => <SlaClockTag clock={ticket.sla.resolution} asOf={asOf} readAt={readAt} />,
        },
      ]}
    />
  );
}
