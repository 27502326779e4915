import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLogActivity } from './lead-queries';
import { useOpportunities } from './pipeline-queries';
import { RefusedChange } from './problem-views';
import type { Activity } from './sales-types';

const TYPES: Activity['type'][] = ['call', 'visit', 'meeting', 'test_drive', 'email', 'task'];

interface Fields {
  type: Activity['type'];
  subject: string;
  opportunityId?: string;
  discussed: string;
  nextStep?: string;
  nextStepDue?: Dayjs;
}

/** Log what was discussed and the next step, with the day it falls due (a reminder comes that day). */
export function ActivityForm({ onLogged }: { onLogged: () => void }) {
  const { t } = useTranslation('sales');
  const [form] = Form.useForm<Fields>();
  const log = useLogActivity();
  const opportunities = useOpportunities();
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      initialValues={{ type: 'call' }}
      onFinish={({ nextStepDue, ...fields }) =>
        log.mutate(
          { ...fields, nextStepDue: nextStepDue?.format('YYYY-MM-DD') },
          {
            onSuccess: () => {
              form.resetFields();
              onLogged();
            },
          },
        )
      }
    >
      <Form.Item name="type" label={t('activities.type')}>
        <Select options={TYPES.map((type) => ({ value: type, label: t(`activityType.${type}`) }))} />
      </Form.Item>
      <Form.Item
        name="subject"
        label={t('activities.subject')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="opportunityId" label={t('activities.opportunity')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(opportunities.data?.items ?? [])
            .filter((o) => o.closedAt === null)
            .map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item
        name="discussed"
        label={t('activities.discussed')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="nextStep" label={t('activities.nextStep')}>
        <Input />
      </Form.Item>
      <Form.Item name="nextStepDue" label={t('activities.due')}>
        <DatePicker />
      </Form.Item>
      <RefusedChange error={log.error} />
      <Button type="primary" htmlType="submit" loading={log.isPending}>
        {t('activities.log')}
      </Button>
    </Form>
  );
}
