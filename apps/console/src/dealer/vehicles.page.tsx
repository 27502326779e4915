import { Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useListSearch } from '../paging/list-search';
import { serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, Screen } from '../screen/screen';
import { type SoldVehicle, useSoldVehicles } from './dealer-queries';

/** The vehicles the dealer sold, with a way to their owners. */
export function VehiclesPage() {
  const { t } = useTranslation('dealer');
  const paging = usePageParam();
  const { typed, setTyped, search } = useListSearch(paging.setPage);
  const vehicles = useSoldVehicles(paging.range, search);
  const items = vehicles.data?.items ?? [];
  return (
    <Screen
      title={t('vehicles.title')}
      hint={t('vehicles.hint')}
      extra={
        <Input.Search
          aria-label={t('vehicles.search')}
          placeholder={t('vehicles.search')}
          allowClear
          style={{ width: 280 }}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      }
    >
      <LoadFailed error={vehicles.error} />
      <Table<SoldVehicle>
        data-testid="dealer-vehicles"
        rowKey="vehicleId"
        size="middle"
        loading={vehicles.isFetching}
        dataSource={items}
        pagination={serverPagination(paging, items.length)}
        locale={{ emptyText: <NoRows text={search ? t('vehicles.noMatch') : t('vehicles.empty')} /> }}
        columns={[
          { title: t('vehicles.vin'), dataIndex: 'vin' },
          {
            title: t('vehicles.model'),
            render: (_, v) => `${v.brand} ${v.model}${v.modelYear ? ` (${v.modelYear})` : ''}`,
          },
          { title: t('vehicles.purchaseDate'), dataIndex: 'purchaseDate' },
          { title: t('vehicles.warrantyEnd'), dataIndex: 'warrantyEnd' },
          {
            title: t('vehicles.owner'),
            render: (_, v) => (
              <Link to={`/dealer/customers/${v.ownerCustomerId}`}>{t('vehicles.openOwner')}</Link>
            ),
          },
        ]}
      />
    </Screen>
  );
}
