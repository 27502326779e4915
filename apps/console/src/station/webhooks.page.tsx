import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../api/session';
import { dateTime } from './sla-tag';
import { TAG_COLORS } from './tag-colors';
import {
  type WebhookDelivery,
  type WebhookRegistration,
  useRegisterWebhook,
  useStationQueue,
  useStationProfile,
  useWebhookDeliveries,
} from './station-queries';

const STATUS_COLOR = {
  pending: TAG_COLORS.waiting,
  delivered: TAG_COLORS.done,
  failed: TAG_COLORS.late,
} as const;

/** The station's webhook: where routed tickets are posted, its signing secret, and how each delivery went. */
export function WebhooksPage() {
  const { t } = useTranslation('station');
  const stationId = useSession().data?.partnerId ?? '';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('webhooks.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('webhooks.hint')}</Typography.Paragraph>
        {stationId && <WebhookForm stationId={stationId} />}
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('webhooks.deliveries')}</h2>}>
        <DeliveryLog />
      </Card>
    </Space>
  );
}

function WebhookForm({ stationId }: { stationId: string }) {
  const { t } = useTranslation('station');
  const { message } = App.useApp();
  const station = useStationProfile(stationId);
  const register = useRegisterWebhook(stationId);
  const [registration, setRegistration] = useState<WebhookRegistration | null>(null);
  const current = station.data?.webhookUrl ?? null;
  const save = (url: string) =>
    register.mutateAsync(url).then(
      (answer) => {
        setRegistration(answer);
        void message.success(t('webhooks.saved'));
      },
      (error: Error) => message.error(t('actions.failed', { message: error.message })),
    );
  if (station.isPending) return null;
  return (
    <>
      <Form<{ url: string }>
        layout="vertical"
        initialValues={{ url: current ?? '' }}
        onFinish={({ url }) => void save(url)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          label={t('webhooks.url')}
          name="url"
          rules={[{ required: true, type: 'url', message: t('webhooks.urlInvalid') }]}
          extra={current ? undefined : t('webhooks.notSet')}
        >
          <Input placeholder="https://station.example.com/crm/tickets" maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            {t('webhooks.save')}
          </Button>
          {current && (
            <Button onClick={() => void save(current)} disabled={register.isPending}>
              {t('webhooks.rotate')}
            </Button>
          )}
        </Space>
      </Form>
      {registration && (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          title={t('webhooks.secretTitle')}
          description={
            <Typography.Text code copyable data-testid="webhook-secret">
              {registration.secret}
            </Typography.Text>
          }
        />
      )}
    </>
  );
}

function DeliveryLog() {
  const { t } = useTranslation('station');
  const deliveries = useWebhookDeliveries();
  // The log names tickets by id; the station's own queue gives their numbers.
  const numbers = new Map(
    useStationQueue().data?.items.map((ticket) => [ticket.ticketId, ticket.ticketNumber]),
  );
  return (
    <Table<WebhookDelivery>
      data-testid="webhook-deliveries"
      rowKey="deliveryId"
      size="small"
      loading={deliveries.isPending}
      dataSource={deliveries.data?.items ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('webhooks.deliveriesEmpty') }}
      expandable={{
        rowExpandable: (delivery) => delivery.history.length > 0,
        expandedRowRender: (delivery) => <AttemptList delivery={delivery} />,
      }}
      columns={[
        { title: t('webhooks.createdAt'), render: (_, delivery) => dateTime(delivery.createdAt) },
        {
          title: t('webhooks.ticket'),
          render: (_, delivery) => (
            <Link to={`/station/tickets/${delivery.ticketId}`}>
              {numbers.get(delivery.ticketId) ?? delivery.ticketId.slice(0, 8)}
            </Link>
          ),
        },
        {
          title: t('webhooks.status'),
          render: (_, delivery) => (
            <Tag color={STATUS_COLOR[delivery.status]}>{t(`webhooks.deliveryStatus.${delivery.status}`)}</Tag>
          ),
        },
        { title: t('webhooks.attempts'), dataIndex: 'attempts' },
        {
          title: t('webhooks.lastResult'),
          render: (_, delivery) =>
            [delivery.lastHttpStatus && `HTTP ${delivery.lastHttpStatus}`, delivery.lastError]
              .filter(Boolean)
              .join(' · '),
        },
        {
          title: t('webhooks.nextAttemptAt'),
          render: (_, delivery) => (delivery.nextAttemptAt ? dateTime(delivery.nextAttemptAt) : ''),
        },
        { title: t('webhooks.url'), dataIndex: 'url' },
      ]}
    />
  );
}

function AttemptList({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation('station');
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {delivery.history.map((attempt) => (
        <li key={attempt.attempt}>
          {t('webhooks.attempt', { n: attempt.attempt })} · {dateTime(attempt.at)} ·{' '}
          {t(`webhooks.outcome.${attempt.outcome}`)}
          {attempt.httpStatus !== null && ` · HTTP ${attempt.httpStatus}`}
          {attempt.error && ` · ${attempt.error}`}
          {attempt.durationMs !== null && ` · ${t('webhooks.duration', { ms: attempt.durationMs })}`}
        </li>
      ))}
    </ol>
  );
}
