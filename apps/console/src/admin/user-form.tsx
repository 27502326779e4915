import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';
import {
  type PartnerKind,
  type User,
  type UserRole,
  useChangeRoles,
  useCreateUser,
  usePartnerChoices,
} from './admin-queries';

export const ROLES: UserRole[] = [
  'admin',
  'agent',
  'sales_rep',
  'sales_manager',
  'marketer',
  'analyst',
  'service_manager',
  'privacy_officer',
  'billing',
  'erp',
  'dealer',
  'repair_station',
];

interface UserFields {
  username: string;
  displayName: string;
  password: string;
  roles: UserRole[];
  partnerId?: string;
}

/** A partner role (dealer, repair station) names the kind of partner the user works for. */
const partnerKindOf = (roles: UserRole[] = []): PartnerKind | undefined =>
  roles.includes('dealer') ? 'dealer' : roles.includes('repair_station') ? 'repair_station' : undefined;

/** Creates a user (`user` null) or changes the roles of one; the service's 400 lands on the field it names. */
export function UserForm({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFields>();
  const creating = user === null;
  const create = useCreateUser();
  const changeRoles = useChangeRoles();
  const roles = Form.useWatch('roles', form);
  const partnerKind = partnerKindOf(roles);
  const partners = usePartnerChoices(partnerKind);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue({ roles: user.roles, partnerId: user.partnerId ?? undefined });
  }, [open, user, form]);

  const save = async (fields: UserFields) => {
    const partner = partnerKind ? { partnerKind, partnerId: fields.partnerId } : {};
    try {
      if (user) {
        await changeRoles.mutateAsync({ id: user.id, roles: fields.roles, ...partner });
        void message.success(t('userForm.rolesChanged', { name: user.displayName }));
      } else {
        await create.mutateAsync({ ...fields, ...partner });
        void message.success(t('userForm.created', { name: fields.displayName }));
      }
      onClose();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fieldErrors = (error.problem?.errors ?? []).filter(
        (e) => e.field in fields || e.field === 'roles',
      );
      if (fieldErrors.length)
        form.setFields(fieldErrors.map((e) => ({ name: e.field as keyof UserFields, errors: [e.message] })));
      else void message.error(error.message);
    }
  };

  return (
    <Modal
      open={open}
      title={creating ? t('userForm.createTitle') : t('userForm.rolesTitle', { name: user.displayName })}
      okText={t('userForm.save')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || changeRoles.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UserFields> form={form} layout="vertical" onFinish={save} requiredMark>
        {creating && (
          <>
            <Form.Item
              name="username"
              label={t('userForm.username')}
              rules={[{ required: true, message: t('required') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="displayName"
              label={t('userForm.displayName')}
              rules={[{ required: true, message: t('required') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('userForm.password')}
              extra={t('userForm.passwordHint')}
              rules={[{ required: true, min: 8, message: t('userForm.passwordHint') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="roles"
          label={t('userForm.roles')}
          extra={t('userForm.rolesHint')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Select
            mode="multiple"
            data-testid="role-select"
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Form.Item>
        {partnerKind && (
          <Form.Item
            name="partnerId"
            label={t('userForm.partner')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={partners.isPending}
              options={(partners.data?.items ?? []).map((p) => ({
                value: p.partnerId,
                label: `${p.code} ${p.name}`,
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
