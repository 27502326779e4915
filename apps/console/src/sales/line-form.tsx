import { Button, Form, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAddLine, useCatalogModel, useCatalogModels } from './commerce-queries';
import { RefusedChange } from './problem-views';

interface Fields {
  modelId: string;
  trimId: string;
  quantity: number;
  discount: number;
}

/** Add a trim from the catalog to the opportunity; the API prices it from the region's price list. */
export function LineForm({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation('sales');
  const [form] = Form.useForm<Fields>();
  const modelId = Form.useWatch('modelId', form);
  const models = useCatalogModels();
  const model = useCatalogModel(modelId);
  const add = useAddLine(opportunityId);
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      initialValues={{ quantity: 1, discount: 0 }}
      onFinish={({ trimId, quantity, discount }) =>
        add.mutate({ trimId, quantity, discount }, { onSuccess: () => form.resetFields() })
      }
    >
      <Space wrap align="end">
        <Form.Item name="modelId" label={t('quotes.model')} rules={[{ required: true }]}>
          <Select
            style={{ width: 180 }}
            options={(models.data?.items ?? [])
              .filter((m) => m.retiredAt === null)
              .map((m) => ({ value: m.id, label: m.name }))}
            onChange={() => form.setFieldValue('trimId', undefined)}
          />
        </Form.Item>
        <Form.Item name="trimId" label={t('quotes.trim')} rules={[{ required: true }]}>
          <Select
            style={{ width: 180 }}
            disabled={!model.data}
            options={(model.data?.trims ?? [])
              .filter((trim) => trim.retiredAt === null)
              .map((trim) => ({ value: trim.id, label: trim.name }))}
          />
        </Form.Item>
        <Form.Item name="quantity" label={t('quotes.quantity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={999} />
        </Form.Item>
        <Form.Item name="discount" label={t('quotes.discount')}>
          <InputNumber min={0} step={1000} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('quotes.addLine')}
          </Button>
        </Form.Item>
      </Space>
      <RefusedChange error={add.error} />
    </Form>
  );
}
