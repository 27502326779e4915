import { App, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type Customer360,
  type NewComplaint,
  type QualityType,
  useFileComplaint,
  useQualityTypeSuggestions,
} from './agent-queries';
import { useDebounced } from './use-debounced';

const QUALITY_TYPES: QualityType[] = [
  'engine',
  'transmission',
  'brakes',
  'electrical',
  'air_conditioning',
  'body_and_paint',
  'noise_and_vibration',
  'infotainment',
  'other',
];
const CHANNELS: NewComplaint['channel'][] = ['phone', 'email', 'sms', 'web'];

interface Props {
  open: boolean;
  customerId: string;
  vehicles: Customer360['vehicles'];
  onClose: () => void;
  onFiled: (ticketId: string) => void;
}

/** Complaint intake: the quality type is suggested from the description as the agent types it. */
export function ComplaintForm({ open, customerId, vehicles, onClose, onFiled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewComplaint>();
  const description = useDebounced(Form.useWatch('description', form) ?? '', 250);
  const suggestions = useQualityTypeSuggestions(description);
  const file = useFileComplaint(customerId);
  const chosen = Form.useWatch('qualityType', form);

  const submit = async (values: NewComplaint) => {
    const receipt = await file.mutateAsync(values).catch((error: Error) => {
      void message.error(t('common.error', { message: error.message }));
      return null;
    });
    if (!receipt) return;
    void message.success(t('complaint.filed', { ticketId: receipt.ticketId }));
    form.resetFields();
    onFiled(receipt.ticketId);
  };

  return (
    <Modal
      open={open}
      title={t('complaint.title')}
      okText={t('complaint.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={file.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<NewComplaint>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'phone', vehicleId: vehicles[0]?.vehicleId }}
      >
        <Form.Item
          label={t('complaint.description')}
          name="description"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} placeholder={t('complaint.descriptionHint')} maxLength={2000} />
        </Form.Item>
        <div aria-live="polite" style={{ marginBottom: 16 }} data-testid="quality-type-suggestions">
          <Typography.Text type="secondary">{t('complaint.suggestions')}: </Typography.Text>
          {description.trim().length > 1 && suggestions.data?.items.length ? (
            <Space size={4} wrap>
              {suggestions.data.items.map((suggestion) => (
                <Button
                  key={suggestion.qualityType}
                  size="small"
                  type={chosen === suggestion.qualityType ? 'primary' : 'default'}
                  aria-pressed={chosen === suggestion.qualityType}
                  onClick={() => form.setFieldValue('qualityType', suggestion.qualityType)}
                >
                  {t(`qualityType.${suggestion.qualityType}`)}
                </Button>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('complaint.noSuggestion')}</Typography.Text>
          )}
        </div>
        <Form.Item
          label={t('complaint.qualityType')}
          name="qualityType"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={QUALITY_TYPES.map((type) => ({ value: type, label: t(`qualityType.${type}`) }))} />
        </Form.Item>
        {vehicles.length > 0 && (
          <Form.Item label={t('complaint.vehicle')} name="vehicleId">
            <Select
              options={vehicles.map((vehicle) => ({
                value: vehicle.vehicleId,
                label: `${vehicle.brand} ${vehicle.model} · ${vehicle.vin}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('complaint.channel')} name="channel">
          <Radio.Group
            options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
