import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CampaignResponse, type CustomerCampaign, useRecordCampaignResponse } from './agent-queries';

const CAMPAIGN_OUTCOMES = ['interested', 'not-interested', 'call-back'] as const;
const DIRECTIONS: CampaignResponse['direction'][] = ['inbound', 'outbound'];

type Answer = Omit<CampaignResponse, 'campaign'>;

interface Props {
  customerId: string;
  campaign: CustomerCampaign | null;
  onClose: () => void;
  onRecorded: (campaignId: string) => void;
}

/** The customer's answer to a campaign, taken during the call and logged as an interaction tagged with it. */
export function CampaignResponseForm({ customerId, campaign, onClose, onRecorded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Answer>();
  const record = useRecordCampaignResponse(customerId, ({ name }) => t('campaigns.subject', { name }));

  const submit = async (answer: Answer) => {
    if (!campaign) return;
    const saved = await record.mutateAsync({ ...answer, campaign }).catch((error: Error) => {
      void message.error(t('common.error', { message: error.message }));
      return null;
    });
    if (!saved) return;
    void message.success(t('campaigns.recorded'));
    form.resetFields();
    onRecorded(campaign.campaignId);
  };

  return (
    <Modal
      open={campaign !== null}
      title={`${t('campaigns.formTitle')} · ${campaign?.name ?? ''}`}
      okText={t('campaigns.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<Answer> form={form} layout="vertical" onFinish={submit} initialValues={{ direction: 'inbound' }}>
        <Form.Item
          label={t('campaigns.outcome')}
          name="outcome"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group
            options={CAMPAIGN_OUTCOMES.map((outcome) => ({
              value: outcome,
              label: t(`campaigns.outcomes.${outcome}`),
            }))}
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
        <Form.Item label={t('interaction.notes')} name="notes">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
