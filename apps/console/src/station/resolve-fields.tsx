import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';

const CURRENCY = /^[A-Z]{3}$/;

/** The repair record the service app's resolve asks for: work done, parts, cost and technician. */
export function ResolveFields() {
  const { t } = useTranslation('station');
  const required = { required: true, message: t('actions.required') };
  return (
    <>
      <Form.Item label={t('actions.workDone')} name="workDone" rules={[required]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('actions.technician')} name="technician" rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('actions.parts')}</legend>
        <Form.List name="parts">
          {(parts, { add, remove }) => (
            <>
              {parts.map(({ key, name }, index) => (
                <Space key={key} align="baseline" wrap data-testid="repair-part">
                  <Form.Item name={[name, 'partNumber']} rules={[required]}>
                    <Input
                      aria-label={`${t('actions.partNumber')} ${index + 1}`}
                      placeholder={t('actions.partNumber')}
                      maxLength={60}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'description']} rules={[required]}>
                    <Input
                      aria-label={`${t('actions.partDescription')} ${index + 1}`}
                      placeholder={t('actions.partDescription')}
                      maxLength={200}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'quantity']} rules={[required]} initialValue={1}>
                    <InputNumber
                      aria-label={`${t('actions.quantity')} ${index + 1}`}
                      min={1}
                      max={1000}
                      precision={0}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label={`${t('actions.removePart')} ${index + 1}`}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(name)}
                  />
                </Space>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  {t('actions.addPart')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
      </fieldset>
      <Space wrap>
        <Form.Item label={t('actions.cost')} name={['cost', 'amount']} rules={[required]}>
          <InputNumber min={0} max={10_000_000} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={t('actions.currency')}
          name={['cost', 'currency']}
          rules={[required, { pattern: CURRENCY, message: 'ISO 4217 (CNY)' }]}
        >
          <Input maxLength={3} style={{ width: 90 }} />
        </Form.Item>
      </Space>
    </>
  );
}
