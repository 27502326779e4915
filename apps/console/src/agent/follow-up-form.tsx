import { App, Form, Input, Modal, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Customer360, type Satisfaction, useRecordSatisfaction } from './agent-queries';

interface Props {
  ticket: Customer360['tickets'][number] | null;
  customerId: string;
  onClose: () => void;
}

/** The follow-up call: the customer's 1-5 score and comment on a resolved ticket. */
export function FollowUpForm({ ticket, customerId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Satisfaction>();
  const record = useRecordSatisfaction(customerId);

  const submit = async (values: Satisfaction) => {
    if (!ticket) return;
    const saved = await record.mutateAsync({ ...values, ticketId: ticket.ticketId }).catch((error: Error) => {
      void message.error(t('common.error', { message: error.message }));
      return null;
    });
    if (!saved) return;
    void message.success(t('followUp.saved'));
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={ticket !== null}
      title={`${t('followUp.title')} · ${ticket?.number ?? ''}`}
      okText={t('followUp.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<Satisfaction> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('followUp.score')}
          name="score"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Rate />
        </Form.Item>
        <Form.Item label={t('followUp.comment')} name="comment">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
