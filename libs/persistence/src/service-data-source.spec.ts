import { migrationsTableName, serviceDataSourceOptions } from './service-data-source';

describe('serviceDataSourceOptions', () => {
  it('keeps each service its own history table, named as the migrate step and the role scripts expect', () => {
    expect(migrationsTableName('customer-master')).toBe('migrations_customer_master');
    expect(migrationsTableName('identity')).toBe('migrations_identity');
  });

  it('never lets TypeORM migrate or synchronise on its own: the service or the migrate step decides', () => {
    const options = serviceDataSourceOptions({
      service: 'call-center',
      url: 'postgres://h/crm',
      migrations: [],
      poolSize: 4,
    });
    expect(options).toMatchObject({
      migrationsRun: false,
      synchronize: false,
      migrationsTableName: 'migrations_call_center',
      extra: { max: 4 },
    });
  });
});
