import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type IssuedSecret,
  type NewSystemClient,
  type SystemRole,
  useCreateSystemClient,
} from './admin-queries';
import { ClientForm } from './client-form';

const SYSTEM_ROLES: SystemRole[] = ['billing', 'erp'];

/** Registers a system client with its one system role; its secret goes to `onIssued`, to be shown once. */
export function SystemClientForm({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (issued: IssuedSecret) => void;
}) {
  const { t } = useTranslation('admin');
  const create = useCreateSystemClient();
  return (
    <ClientForm<NewSystemClient>
      open={open}
      title={t('systemClients.formTitle')}
      nameHint={t('systemClients.nameHint')}
      register={(fields) => create.mutateAsync(fields)}
      registering={create.isPending}
      onClose={onClose}
      onIssued={onIssued}
    >
      <Form.Item
        name="role"
        label={t('systemClients.role')}
        rules={[{ required: true, message: t('required') }]}
      >
        <Select<SystemRole> options={SYSTEM_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
      </Form.Item>
    </ClientForm>
  );
}
