import { App, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';
import type { IssuedSecret } from './admin-queries';

/** What every API client's form asks: a name and, optionally, the client id to use. */
export interface ClientFields {
  name: string;
  clientId?: string;
}

/**
 * Registers an API client, a partner's or a system's: its name, the fields in `children`, an optional client id.
 * The secret goes to `onIssued`, to be shown once; the service's error about the client id lands on that field.
 */
export function ClientForm<F extends ClientFields>({
  open,
  title,
  nameHint,
  register,
  registering,
  onClose,
  onIssued,
  children,
}: {
  open: boolean;
  title: ReactNode;
  nameHint: string;
  /** Sends the fields, a blank client id left out (the service then makes one). */
  register: (fields: F) => Promise<IssuedSecret>;
  registering: boolean;
  onClose: () => void;
  onIssued: (issued: IssuedSecret) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [form] = Form.useForm<ClientFields>();

  const save = async (fields: F) => {
    try {
      onIssued(await register({ ...fields, clientId: fields.clientId?.trim() || undefined }));
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
      title={title}
      okText={t('clientForm.save')}
      onOk={() => form.submit()}
      confirmLoading={registering}
      onCancel={onClose}
      destroyOnHidden
    >
      {/* The form holds F: ClientFields and the fields `children` add. */}
      <Form<ClientFields>
        form={form}
        layout="vertical"
        onFinish={(fields) => save(fields as F)}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('clientForm.name')}
          extra={nameHint}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input />
        </Form.Item>
        {children}
        <Form.Item name="clientId" label={t('clientForm.clientId')} extra={t('clientForm.clientIdHint')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
