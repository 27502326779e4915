import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Descriptions, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { NoRows, RecordError, Screen } from '../screen/screen';
import { type SoldVehicle, useDealerCustomer } from './dealer-queries';

/** One of the dealer's customers and their vehicles; another dealer's customer is "not found". */
export function CustomerPage() {
  const { t } = useTranslation('dealer');
  const navigate = useNavigate();
  const { customerId = '' } = useParams();
  const view = useDealerCustomer(customerId);
  if (view.isPending) return <Skeleton active />;
  if (view.isError)
    return (
      <RecordError error={view.error} notFound={{ title: t('notYours.title'), text: t('notYours.text') }} />
    );
  const { customer, vehicles } = view.data;
  const none = t('customer.none');
  const address = customer.address;
  return (
    <Screen
      title={<span data-testid="customer-name">{customer.name}</span>}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/dealer/customers')}>
          {t('customer.back')}
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('customer.phones')}>
          {customer.phones.join(', ') || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.emails')}>
          {customer.emails.join(', ') || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.address')}>
          {[address?.province, address?.city, address?.district, address?.street].filter(Boolean).join(' ') ||
            none}
        </Descriptions.Item>
      </Descriptions>
      <h2 style={{ fontSize: 16 }}>{t('customer.vehicles')}</h2>
      <Table<SoldVehicle>
        rowKey="vehicleId"
        size="small"
        pagination={false}
        dataSource={vehicles}
        locale={{ emptyText: <NoRows text={none} /> }}
        columns={[
          { title: t('vehicles.vin'), dataIndex: 'vin' },
          { title: t('vehicles.model'), render: (_, v) => `${v.brand} ${v.model}` },
          { title: t('vehicles.purchaseDate'), dataIndex: 'purchaseDate' },
          { title: t('vehicles.warrantyEnd'), dataIndex: 'warrantyEnd' },
        ]}
      />
    </Screen>
  );
}
