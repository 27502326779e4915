import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAdjustForecast } from './manager-queries';
import { RefusedChange } from './problem-views';
import type { ForecastAdjustment, PersonForecast } from './sales-types';

type Fields = Pick<ForecastAdjustment, 'level' | 'note'> & { amount: number };

/** A manager's own number for a person's (or their team's) month, with the reason; the computed one stays. */
export function AdjustForecastDialog({
  person,
  month,
  onDone,
}: {
  person: PersonForecast | null;
  month: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('sales');
  const [form] = Form.useForm<Fields>();
  const adjust = useAdjustForecast();
  return (
    <Modal
      open={person !== null}
      title={t('forecast.adjustTitle', { name: person?.name, month })}
      okText={t('forecast.save')}
      cancelText={t('common.cancel')}
      confirmLoading={adjust.isPending}
      onOk={() => form.submit()}
      onCancel={onDone}
      afterClose={() => adjust.reset()}
      destroyOnHidden
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={{ level: 'rep', amount: person?.forecast }}
        onFinish={({ amount, ...fields }) =>
          person &&
          adjust.mutate(
            { ...fields, userId: person.userId, month, amount: { amount, currency: 'CNY' } },
            { onSuccess: onDone },
          )
        }
      >
        <Form.Item name="level" label={t('forecast.level')}>
          <Radio.Group
            options={[
              { value: 'rep', label: t('forecast.levelRep') },
              { value: 'team', label: t('forecast.levelTeam') },
            ]}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('forecast.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} step={10000} style={{ width: 200 }} prefix="¥" />
        </Form.Item>
        <Form.Item name="note" label={t('forecast.note')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      <RefusedChange error={adjust.error} />
    </Modal>
  );
}
