import { CreateCampaignsSchema1796030569181 } from './1796030569181-create-campaigns-schema';

export const campaignsMigrations = [CreateCampaignsSchema1796030569181];
