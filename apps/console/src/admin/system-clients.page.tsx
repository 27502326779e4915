import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';
import { serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, Screen } from '../screen/screen';
import { ActiveTag } from './active-tag';
import {
  type IssuedSecret,
  type NewSystemClient,
  type SystemClient,
  type SystemRole,
  useCreateSystemClient,
  useRotateSystemSecret,
  useSetSystemClientActive,
  useSystemClients,
} from './admin-queries';
import { ClientActions } from './client-actions';
import { SecretOnceModal } from './secret-once.modal';

const SYSTEM_ROLES: SystemRole[] = ['billing', 'erp'];

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

/** Registers a system client; its secret goes to `onIssued`, to be shown once. */
function SystemClientForm({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (issued: IssuedSecret) => void;
}) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [form] = Form.useForm<NewSystemClient>();
  const create = useCreateSystemClient();

  const save = async ({ name, clientId, role }: NewSystemClient) => {
    try {
      onIssued(await create.mutateAsync({ name, role, clientId: clientId?.trim() || undefined }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const clientIdError = error.problem?.errors?.find((e) => e.field === 'clientId');
      if (clientIdError) form.setFields([{ name: 'clientId', errors: [clientIdError.message] }]);
      else void message.error(error.message);
    }
  };

  return (
    <Modal
      open={open}
      title={t('systemClients.formTitle')}
      okText={t('clientForm.save')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewSystemClient> form={form} layout="vertical" onFinish={save} preserve={false}>
        <Form.Item
          name="name"
          label={t('clientForm.name')}
          extra={t('systemClients.nameHint')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('systemClients.role')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Select<SystemRole>
            options={SYSTEM_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="clientId" label={t('clientForm.clientId')} extra={t('clientForm.clientIdHint')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
