import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type NewInteraction, useLogInteraction } from './agent-queries';

const CHANNELS: NewInteraction['channel'][] = ['phone', 'email', 'sms', 'web'];
const DIRECTIONS: NewInteraction['direction'][] = ['inbound', 'outbound'];

export function InteractionForm({
  open,
  customerId,
  onClose,
}: {
  open: boolean;
  customerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewInteraction>();
  const log = useLogInteraction(customerId);

  const submit = async (values: NewInteraction) => {
    const saved = await log.mutateAsync(values).catch((error: Error) => {
      void message.error(t('common.error', { message: error.message }));
      return null;
    });
    if (!saved) return;
    void message.success(t('interaction.saved'));
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('interaction.title')}
      okText={t('interaction.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={log.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<NewInteraction>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'phone', direction: 'inbound' }}
      >
        <Form.Item
          label={t('interaction.subject')}
          name="subject"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('interaction.channel')} name="channel">
          <Radio.Group
            options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('interaction.direction')} name="direction">
          <Radio.Group
            options={DIRECTIONS.map((direction) => ({
              value: direction,
              label: t(`direction.${direction}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('interaction.outcome')} name="outcome">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('interaction.notes')} name="notes">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
