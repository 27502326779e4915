import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/clients';
import { dateTime, SlaTag } from './sla-tag';
import { TicketTimeline } from '../service-manager/ticket-timeline';
import {
  type StationTicket,
  useStationTicket,
  useStationTicketTimeline,
  useTicketCustomer,
} from './station-queries';
import { TicketActions } from './ticket-actions';

/** One ticket of the station's queue: what is wrong with which car, its clock, and the station's next step. */
export function TicketPage() {
  const { t } = useTranslation('station');
  const navigate = useNavigate();
  const { ticketId = '' } = useParams();
  const ticket = useStationTicket(ticketId);
  const timeline = useStationTicketTimeline(ticketId);
  const back = () => navigate('/station/tickets');

  if (ticket.isPending) return <Skeleton active />;
  if (ticket.isError) {
    const missing = ticket.error instanceof ApiError && ticket.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('ticket.notFound') : ticket.error.message}
        extra={<Button onClick={back}>{t('ticket.back')}</Button>}
      />
    );
  }
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={back}>
        {t('ticket.back')}
      </Button>
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="ticket-number">
            {t('ticket.title', { number: ticket.data.ticketNumber })}{' '}
            <Tag data-testid="ticket-status">{t(`translation:ticketStatus.${ticket.data.status}`)}</Tag>
          </Typography.Title>
          <TicketActions ticket={ticket.data} onDeclined={back} />
        </Space>
        <TicketFacts ticket={ticket.data} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('ticket.timeline')}</h2>}>
        {timeline.data ? (
          <TicketTimeline steps={timeline.data.steps} stationName={() => ''} />
        ) : (
          <Skeleton active />
        )}
      </Card>
    </Space>
  );
}

function TicketFacts({ ticket }: { ticket: StationTicket }) {
  const { t } = useTranslation('station');
  const none = t('ticket.none');
  const when = (value: string | null) => (value ? dateTime(value) : none);
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }} data-testid="ticket-facts">
      <Descriptions.Item label={t('ticket.customer')}>
        <CustomerName customerId={ticket.customerId} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.vehicle')}>{ticket.brand ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ticket.vin')}>{ticket.vin ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('tickets.qualityType')}>
        {t(`translation:qualityType.${ticket.qualityType}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.severity')}>{t(`severity.${ticket.severity}`)}</Descriptions.Item>
      <Descriptions.Item label={t('tickets.sla')}>
        <SlaTag ticket={ticket} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.description')} span={2}>
        {ticket.description}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.openedAt')}>{dateTime(ticket.openedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('ticket.acceptedAt')}>{when(ticket.acceptedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('ticket.appointmentAt')}>
        <span data-testid="appointment">{when(ticket.appointmentAt)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.resolvedAt')}>{when(ticket.resolvedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('ticket.satisfaction')}>
        {ticket.satisfaction ? `★ ${ticket.satisfaction.score}/5 ${ticket.satisfaction.comment ?? ''}` : none}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The customer's name when the customer master shares it with this station; otherwise says it does not. */
function CustomerName({ customerId }: { customerId: string }) {
  const { t } = useTranslation('station');
  const customer = useTicketCustomer(customerId);
  if (customer.isPending) return <Skeleton.Input size="small" active />;
  if (customer.data) return <span data-testid="customer-name">{customer.data.name}</span>;
  return <Typography.Text type="secondary">{t('ticket.customerHidden')}</Typography.Text>;
}
