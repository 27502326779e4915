import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Won and lost need a reason: asked for before the opportunity is closed. */
export function CloseDialog({
  outcome,
  onClose,
  onCancel,
}: {
  outcome: 'won' | 'lost' | null;
  onClose: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('sales');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={outcome !== null}
      title={t(outcome === 'won' ? 'pipeline.winTitle' : 'pipeline.loseTitle')}
      okText={t('pipeline.close')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onClose(reason)}>
        <Form.Item name="reason" label={t('pipeline.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
