import { analyticsMigrations } from '@crm/app-analytics';
import { callCenterMigrations } from '@crm/app-call-center';
import { campaignsMigrations } from '@crm/app-campaigns';
import { customerMasterMigrations } from '@crm/app-customer-master';
import { identityMigrations } from '@crm/app-identity';
import { salesMigrations } from '@crm/app-sales';
import { serviceMigrations } from '@crm/app-service';

describe('the all-in-one migrations', () => {
  it('share one migrations table, so no two apps name a migration alike', () => {
    const names = [
      ...identityMigrations,
      ...customerMasterMigrations,
      ...serviceMigrations,
      ...callCenterMigrations,
      ...salesMigrations,
      ...campaignsMigrations,
      ...analyticsMigrations,
    ].map((migration) => migration.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
