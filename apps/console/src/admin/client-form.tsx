import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';
import { type IssuedSecret, type Partner, useCreatePartnerClient } from './admin-queries';

interface ClientFields {
  name: string;
  clientId?: string;
}

/** Registers an API client for a partner; its secret goes to `onIssued`, to be shown once. */
export function ClientForm({
  partner,
  onClose,
  onIssued,
}: {
  partner: Partner | null;
  onClose: () => void;
  onIssued: (issued: IssuedSecret) => void;
}) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [form] = Form.useForm<ClientFields>();
  const create = useCreatePartnerClient();

  const save = async ({ name, clientId }: ClientFields) => {
    if (!partner) return;
    try {
      const issued = await create.mutateAsync({
        name,
        clientId: clientId?.trim() || undefined,
        partnerId: partner.partnerId,
        partnerKind: partner.kind,
      });
      onIssued(issued);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const clientIdError = error.problem?.errors?.find((e) => e.field === 'clientId');
      if (clientIdError) form.setFields([{ name: 'clientId', errors: [clientIdError.message] }]);
      else void message.error(error.message);
    }
  };

  return (
    <Modal
      open={partner !== null}
      title={partner && t('clientForm.title', { partner: partner.name })}
      okText={t('clientForm.save')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ClientFields> form={form} layout="vertical" onFinish={save} preserve={false}>
        <Form.Item
          name="name"
          label={t('clientForm.name')}
          extra={t('clientForm.nameHint')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="clientId" label={t('clientForm.clientId')} extra={t('clientForm.clientIdHint')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
