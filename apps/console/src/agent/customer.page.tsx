import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/clients';
import { type Customer360, useCustomer360 } from './agent-queries';
import { CampaignsCard } from './campaigns.card';
import { ComplaintForm } from './complaint-form';
import { FollowUpForm } from './follow-up-form';
import { InteractionForm } from './interaction-form';
import { OffersCard } from './offers.card';
import { OpportunitiesCard } from './opportunities.card';
import { TAG_COLOURS } from './tag-colours';
import { ValueTierTag } from './value-tier-tag';
import { WebsiteCard } from './website.card';

type Ticket = Customer360['tickets'][number];
type Vehicle = Customer360['vehicles'][number];
type Repair = Customer360['repairs'][number];
type Interaction = Customer360['interactions'][number];

const WARRANTY_COLOURS: Record<Vehicle['warranty'], keyof typeof TAG_COLOURS> = {
  'in-warranty': 'green',
  'out-of-warranty': 'grey',
  unknown: 'orange',
};

const date = (value: string | null) => (value ? value.slice(0, 10) : '');
const dateTime = (value: string) => new Date(value).toLocaleString();

/**
 * The customer 360: who they are and what they are worth, their open deals, what to offer them and the campaigns
 * that reached them, their cars, who repaired them, their tickets and contacts.
 */
export function CustomerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { customerId = '' } = useParams();
  const [awaitingTicket, setAwaitingTicket] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'complaint' | 'interaction' | null>(null);
  const [followUp, setFollowUp] = useState<Ticket | null>(null);
  const view = useCustomer360(customerId, awaitingTicket);

  if (view.isPending) return <Skeleton active />;
  if (view.isError)
    return (
      <Result
        status={view.error instanceof ApiError && view.error.status === 404 ? '404' : 'error'}
        title={
          view.error instanceof ApiError && view.error.status === 404
            ? t('customer.notFound')
            : view.error.message
        }
      />
    );
  const { profile, vehicles, repairs, tickets, interactions } = view.data;
  const none = t('customer.none');
  const vehicleName = (vehicleId: string | null) => {
    const vehicle = vehicles.find((candidate) => candidate.vehicleId === vehicleId);
    return vehicle ? `${vehicle.brand} ${vehicle.model}` : '';
  };
  const pending = awaitingTicket && !tickets.some((ticket) => ticket.ticketId === awaitingTicket);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/agent')}>
          {t('customer.back')}
        </Button>
        <Space>
          <Button onClick={() => setDialog('interaction')}>{t('interaction.open')}</Button>
          <Button type="primary" danger onClick={() => setDialog('complaint')}>
            {t('complaint.open')}
          </Button>
        </Space>
      </Space>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }} data-testid="customer-name">
          {profile.name}
          {profile.nameLatin && <Typography.Text type="secondary"> {profile.nameLatin}</Typography.Text>}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('customer.valueTier')}>
            <ValueTierTag valueTier={view.data.valueTier} />
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.phones')}>
            {profile.phones.join(', ') || none}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.emails')}>
            {profile.emails.join(', ') || none}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.address')}>
            {[
              profile.address?.province,
              profile.address?.city,
              profile.address?.district,
              profile.address?.street,
            ]
              .filter(Boolean)
              .join(' ') || none}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.birthday')}>{profile.birthday ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('customer.tags')}>
            {profile.tags.length ? profile.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : none}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {pending && <Alert type="info" showIcon title={t('complaint.waiting')} data-testid="ticket-pending" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <OpportunitiesCard opportunities={view.data.openOpportunities} />
        </Col>
        <Col xs={24} xl={10}>
          <OffersCard nextBestOffer={view.data.nextBestOffer} offers={view.data.offers} />
        </Col>
      </Row>
      <CampaignsCard customerId={customerId} />
      <WebsiteCard consents={view.data.consents} browsingProfile={view.data.browsingProfile} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('customer.vehicles')}</h2>}>
        <Table<Vehicle>
          rowKey="vehicleId"
          size="small"
          pagination={false}
          dataSource={vehicles}
          locale={{ emptyText: none }}
          columns={[
            { title: t('customer.vin'), dataIndex: 'vin' },
            {
              title: t('customer.model'),
              render: (_, v) => `${v.brand} ${v.model}${v.modelYear ? ` (${v.modelYear})` : ''}`,
            },
            { title: t('customer.purchaseDate'), render: (_, v) => date(v.purchaseDate) },
            { title: t('customer.dealer'), render: (_, v) => v.sellingDealer?.name ?? '' },
            {
              title: t('customer.warranty'),
              render: (_, v) => (
                <Tag style={TAG_COLOURS[WARRANTY_COLOURS[v.warranty]]}>
                  {t(`customer.warrantyState.${v.warranty}`)}
                  {v.warrantyEnd ? ` ${t('customer.warrantyUntil', { date: date(v.warrantyEnd) })}` : ''}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('customer.tickets')}</h2>}>
        <Table<Ticket>
          data-testid="tickets"
          rowKey="ticketId"
          size="small"
          pagination={false}
          dataSource={tickets}
          locale={{ emptyText: none }}
          columns={[
            { title: t('customer.ticketNumber'), dataIndex: 'number' },
            { title: t('customer.openedAt'), render: (_, ticket) => dateTime(ticket.openedAt) },
            {
              title: t('customer.qualityType'),
              render: (_, ticket) => t(`qualityType.${ticket.qualityType}`),
            },
            { title: t('customer.vehicle'), render: (_, ticket) => vehicleName(ticket.vehicleId) },
            {
              title: t('customer.status'),
              render: (_, ticket) => <Tag>{t(`ticketStatus.${ticket.status}`)}</Tag>,
            },
            { title: t('customer.openedBy'), render: (_, ticket) => ticket.openedBy?.name ?? '' },
            { title: t('customer.station'), render: (_, ticket) => ticket.station?.name ?? '' },
            {
              title: t('customer.technician'),
              render: (_, ticket) =>
                repairs.find((repair) => repair.ticketId === ticket.ticketId)?.technician ?? '',
            },
            {
              title: t('customer.satisfaction'),
              render: (_, ticket) =>
                ticket.satisfaction ? (
                  <span title={ticket.satisfaction.comment ?? undefined}>
                    ★ {ticket.satisfaction.score}/5
                  </span>
                ) : ticket.status === 'resolved' ? (
                  <Button size="small" onClick={() => setFollowUp(ticket)}>
                    {t('followUp.open')}
                  </Button>
                ) : (
                  ''
                ),
            },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('customer.repairs')}</h2>}>
        <Table<Repair>
          rowKey="repairId"
          size="small"
          pagination={false}
          dataSource={repairs}
          locale={{ emptyText: none }}
          columns={[
            { title: t('customer.repairedAt'), render: (_, repair) => date(repair.repairedAt) },
            { title: t('customer.ticketNumber'), dataIndex: 'ticketNumber' },
            {
              title: t('customer.vehicle'),
              render: (_, repair) => vehicleName(repair.vehicleId) || repair.vin,
            },
            {
              title: t('customer.qualityType'),
              render: (_, repair) => t(`qualityType.${repair.qualityType}`),
            },
            { title: t('customer.station'), render: (_, repair) => repair.station.name ?? '' },
            { title: t('customer.technician'), dataIndex: 'technician' },
            { title: t('customer.workDone'), dataIndex: 'workDone' },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('customer.interactions')}</h2>}>
        <Table<Interaction>
          rowKey="interactionId"
          size="small"
          pagination={false}
          dataSource={interactions}
          locale={{ emptyText: none }}
          columns={[
            { title: t('customer.occurredAt'), render: (_, item) => dateTime(item.occurredAt) },
            {
              title: t('customer.channel'),
              render: (_, item) => `${t(`channel.${item.channel}`)} · ${t(`direction.${item.direction}`)}`,
            },
            { title: t('customer.subject'), dataIndex: 'subject' },
            {
              title: t('interaction.outcome'),
              render: (_, item) =>
                item.outcome ? t(`campaigns.outcomes.${item.outcome}`, { defaultValue: item.outcome }) : '',
            },
            { title: t('customer.agent'), render: (_, item) => item.agentName ?? '' },
          ]}
        />
      </Card>
      <ComplaintForm
        open={dialog === 'complaint'}
        customerId={customerId}
        vehicles={vehicles}
        onClose={() => setDialog(null)}
        onFiled={(ticketId) => {
          setDialog(null);
          setAwaitingTicket(ticketId);
        }}
      />
      <InteractionForm
        open={dialog === 'interaction'}
        customerId={customerId}
        onClose={() => setDialog(null)}
      />
      <FollowUpForm ticket={followUp} customerId={customerId} onClose={() => setFollowUp(null)} />
    </Space>
  );
}
