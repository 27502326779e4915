import { CreateWebTrackingSchema1796090000000 } from './1796090000000-create-web-tracking-schema';
import { CreatePageViews1796090100000 } from './1796090100000-create-page-views';
import { BrowsingProfileDwell1796240100000 } from './1796240100000-browsing-profile-dwell';
import { WebTrackingOutboxBatches1796270030000 } from './1796270030000-outbox-batches';

export const webTrackingMigrations = [
  CreateWebTrackingSchema1796090000000,
  CreatePageViews1796090100000,
  BrowsingProfileDwell1796240100000,
  WebTrackingOutboxBatches1796270030000,
];
