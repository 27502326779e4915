import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Descriptions, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { RecordError, Screen } from '../screen/screen';
import { type DealerTicketDetails, useDealerTicket } from './dealer-queries';
import { TicketStatus } from './tickets.page';

type Step = DealerTicketDetails['timeline']['steps'][number];

/** One ticket about a vehicle the dealer sold, with its progress; another dealer's is "not found". */
export function TicketPage() {
  const { t } = useTranslation('dealer');
  const navigate = useNavigate();
  const { ticketId = '' } = useParams();
  const view = useDealerTicket(ticketId);
  if (view.isPending) return <Skeleton active />;
  if (view.isError)
    return (
      <RecordError error={view.error} notFound={{ title: t('notYours.title'), text: t('notYours.text') }} />
    );
  const ticket = view.data;
  return (
    <Screen
      title={<span data-testid="ticket-number">{ticket.ticketNumber}</span>}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/dealer/tickets')}>
          {t('ticket.back')}
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('tickets.status')}>
          <TicketStatus status={ticket.status} escalated={ticket.escalated} />
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.station')}>
          {ticket.stationName ?? t('tickets.notRouted')}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.vin')}>{ticket.vin}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.qualityType')}>
          {t(`translation:qualityType.${ticket.qualityType}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('ticket.severity')}>{t(`severity.${ticket.severity}`)}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.description')}>{ticket.description}</Descriptions.Item>
      </Descriptions>
      <h2 style={{ fontSize: 16 }}>{t('ticket.timeline')}</h2>
      <Table<Step>
        rowKey={(step) => `${step.step}-${step.at}`}
        size="small"
        pagination={false}
        dataSource={ticket.timeline.steps}
        columns={[
          { title: t('ticket.at'), render: (_, step) => new Date(step.at).toLocaleString() },
          { title: t('ticket.step'), render: (_, step) => t(`translation:ticketStatus.${step.status}`) },
          { title: t('ticket.note'), dataIndex: 'note' },
        ]}
      />
    </Screen>
  );
}
