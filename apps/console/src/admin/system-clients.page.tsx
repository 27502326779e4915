import { App, Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, Screen } from '../screen/screen';
import { ActiveTag } from './active-tag';
import {
  type IssuedSecret,
  type SystemClient,
  useRotateSystemSecret,
  useSetSystemClientActive,
  useSystemClients,
} from './admin-queries';
import { ClientActions } from './client-actions';
import { SecretOnceModal } from './secret-once.modal';
import { SystemClientForm } from './system-client-form';

/** API clients of back-office systems (billing, ERP), bound to no partner (ADR 0054): created, disabled, rotated. */
export function SystemClientsPage() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const paging = usePageParam();
  const clients = useSystemClients(paging.range);
  const setActive = useSetSystemClientActive();
  const rotate = useRotateSystemSecret();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const items = clients.data?.items ?? [];
  const failed = (error: Error) => void message.error(error.message);
  return (
    <>
      <Screen
        title={t('systemClients.title')}
        hint={t('systemClients.hint')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('systemClients.create')}
          </Button>
        }
      >
        <LoadFailed error={clients.error} />
        <Table<SystemClient>
          data-testid="admin-system-clients"
          rowKey="clientId"
          size="middle"
          loading={clients.isFetching}
          dataSource={items}
          pagination={serverPagination(paging, items.length)}
          locale={{ emptyText: <NoRows text={t('systemClients.empty')} /> }}
          columns={[
            { title: t('clients.clientId'), dataIndex: 'clientId' },
            { title: t('clients.name'), dataIndex: 'name' },
            {
              title: t('systemClients.role'),
              render: (_, c) => c.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>),
            },
            { title: t('clients.createdAt'), render: (_, c) => new Date(c.createdAt).toLocaleString() },
            { title: t('clients.state'), render: (_, c) => <ActiveTag active={c.active} /> },
            {
              title: t('clients.actions'),
              render: (_, c) => (
                <ClientActions
                  client={c}
                  onRotate={(clientId) => rotate.mutate(clientId, { onSuccess: setIssued, onError: failed })}
                  onSetActive={(clientId, active) =>
                    setActive.mutate({ clientId, active }, { onError: failed })
                  }
                />
              ),
            },
          ]}
        />
      </Screen>
      <SystemClientForm
        open={creating}
        onClose={() => setCreating(false)}
        onIssued={(secret) => {
          setCreating(false);
          setIssued(secret);
        }}
      />
      <SecretOnceModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
