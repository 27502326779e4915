import { CreateWebTrackingSchema1796090000000 } from './1796090000000-create-web-tracking-schema';
import { CreatePageViews1796090100000 } from './1796090100000-create-page-views';

export const webTrackingMigrations = [CreateWebTrackingSchema1796090000000, CreatePageViews1796090100000];
