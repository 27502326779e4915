import { App, Button, Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE, serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, Screen } from '../screen/screen';
import { ActiveTag } from './active-tag';
import {
  type IssuedSecret,
  type Partner,
  type PartnerClient,
  type PartnerKind,
  usePartnerClients,
  usePartners,
  useRotateSecret,
  useSetPartnerClientActive,
} from './admin-queries';
import { ClientActions } from './client-actions';
import { PartnerClientForm } from './partner-client-form';
import { SecretOnceModal } from './secret-once.modal';

/** Dealers and repair stations, and the API clients acting for them: created, disabled, their secret rotated. */
export function PartnersPage() {
  const { t } = useTranslation('admin');
  const paging = usePageParam();
  const [kind, setKind] = useState<PartnerKind>();
  const partners = usePartners(paging.range, kind);
  const partnerItems = partners.data?.items ?? [];
  const [clientFor, setClientFor] = useState<Partner | null>(null);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Screen
        title={t('partners.title')}
        hint={t('partners.hint')}
        extra={
          <Select<PartnerKind>
            aria-label={t('partners.kind')}
            placeholder={t('partners.anyKind')}
            allowClear
            style={{ width: 160 }}
            value={kind}
            onChange={(next) => {
              setKind(next);
              paging.setPage(1);
            }}
            options={(['dealer', 'repair_station'] as const).map((value) => ({
              value,
              label: t(`partnerKind.${value}`),
            }))}
          />
        }
      >
        <LoadFailed error={partners.error} />
        <Table<Partner>
          data-testid="admin-partners"
          rowKey="partnerId"
          size="middle"
          loading={partners.isFetching}
          dataSource={partnerItems}
          pagination={serverPagination(paging, partnerItems.length)}
          locale={{ emptyText: <NoRows text={t('partners.empty')} /> }}
          columns={[
            { title: t('partners.code'), dataIndex: 'code' },
            { title: t('partners.name'), dataIndex: 'name' },
            { title: t('partners.kind'), render: (_, p) => t(`partnerKind.${p.kind}`) },
            { title: t('partners.city'), render: (_, p) => p.address.city ?? '' },
            {
              title: t('partners.state'),
              render: (_, p) => <ActiveTag active={p.active} />,
            },
            {
              title: t('clients.actions'),
              render: (_, p) => (
                <Button size="small" onClick={() => setClientFor(p)}>
                  {t('partners.newClient')}
                </Button>
              ),
            },
          ]}
        />
      </Screen>
      <ClientList onIssued={setIssued} />
      <PartnerClientForm
        partner={clientFor}
        onClose={() => setClientFor(null)}
        onIssued={(secret) => {
          setClientFor(null);
          setIssued(secret);
        }}
      />
      <SecretOnceModal issued={issued} onClose={() => setIssued(null)} />
    </Space>
  );
}

/** The API clients, newest first, with their partner's name where the partner list knows it. */
function ClientList({ onIssued }: { onIssued: (issued: IssuedSecret) => void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE_SIZE;
  const clients = usePartnerClients({ limit: PAGE_SIZE, offset });
  const partners = usePartners({ limit: 100, offset: 0 }, undefined);
  const setActive = useSetPartnerClientActive();
  const rotate = useRotateSecret();
  const items = clients.data?.items ?? [];
  const partnerName = (id: string) => partners.data?.items.find((p) => p.partnerId === id)?.name ?? id;
  const failed = (error: Error) => void message.error(error.message);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('clients.title')}</h2>}>
      <LoadFailed error={clients.error} />
      <Table<PartnerClient>
        data-testid="admin-clients"
        rowKey="clientId"
        size="middle"
        loading={clients.isFetching}
        dataSource={items}
        pagination={serverPagination({ page, setPage }, items.length)}
        locale={{ emptyText: <NoRows text={t('clients.empty')} /> }}
        columns={[
          { title: t('clients.clientId'), dataIndex: 'clientId' },
          { title: t('clients.name'), dataIndex: 'name' },
          {
            title: t('clients.partner'),
            render: (_, c) => `${partnerName(c.partnerId)} · ${t(`partnerKind.${c.partnerKind}`)}`,
          },
          { title: t('clients.createdAt'), render: (_, c) => new Date(c.createdAt).toLocaleString() },
          {
            title: t('clients.state'),
            render: (_, c) => <ActiveTag active={c.active} />,
          },
          {
            title: t('clients.actions'),
            render: (_, c) => (
              <ClientActions
                client={c}
                onRotate={(clientId) => rotate.mutate(clientId, { onSuccess: onIssued, onError: failed })}
                onSetActive={(clientId, active) =>
                  setActive.mutate({ clientId, active }, { onError: failed })
                }
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
