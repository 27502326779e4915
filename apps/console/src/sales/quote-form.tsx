import { Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useIssueQuote } from './commerce-queries';
import { RefusedChange } from './problem-views';
import type { Quote } from './sales-types';

interface Fields {
  validUntil: Dayjs;
  customerName?: string;
  terms?: string;
}

/** Quote the opportunity's lines as a draft: its first quote gets a number, later ones the next version. */
export function QuoteForm({
  opportunityId,
  onIssued,
}: {
  opportunityId: string;
  onIssued: (quote: Quote) => void;
}) {
  const { t } = useTranslation('sales');
  const [form] = Form.useForm<Fields>();
  const issue = useIssueQuote(opportunityId);
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      onFinish={({ validUntil, ...fields }) =>
        issue.mutate(
          { opportunityId, validUntil: validUntil.format('YYYY-MM-DD'), ...fields },
          { onSuccess: onIssued },
        )
      }
    >
      <Space wrap align="start">
        <Form.Item name="validUntil" label={t('quotes.validUntil')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="customerName" label={t('quotes.customerName')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Form.Item name="terms" label={t('quotes.terms')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <RefusedChange error={issue.error} />
      <Button type="primary" htmlType="submit" loading={issue.isPending}>
        {t('quotes.issue')}
      </Button>
    </Form>
  );
}
