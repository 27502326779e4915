import { FundOutlined, NotificationOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { ConsoleArea } from '../areas/console-area';
import { marketingTexts } from './texts';

const SegmentBuilderPage = lazy(() =>
  import('./segment-builder.page').then((module) => ({ default: module.SegmentBuilderPage })),
);
const CampaignsPage = lazy(() =>
  import('./campaigns.page').then((module) => ({ default: module.CampaignsPage })),
);
const CampaignWizardPage = lazy(() =>
  import('./campaign-wizard.page').then((module) => ({ default: module.CampaignWizardPage })),
);
const CampaignResultsPage = lazy(() =>
  import('./campaign-results.page').then((module) => ({ default: module.CampaignResultsPage })),
);
const ScoringModelPage = lazy(() =>
  import('./scoring-model.page').then((module) => ({ default: module.ScoringModelPage })),
);

/** The marketer's area: segments built live, campaigns from wizard to results, the response model. */
export const marketingArea: ConsoleArea = {
  name: 'marketing',
  texts: marketingTexts,
  nav: [
    {
      path: '/marketing/segments',
      label: 'marketing:nav.segments',
      icon: <TeamOutlined />,
      roles: ['marketer'],
    },
    {
      path: '/marketing/campaigns',
      label: 'marketing:nav.campaigns',
      icon: <NotificationOutlined />,
      roles: ['marketer'],
    },
    { path: '/marketing/model', label: 'marketing:nav.model', icon: <FundOutlined />, roles: ['marketer'] },
  ],
  routes: (
    <>
      <Route path="/marketing/segments" element={<SegmentBuilderPage />} />
      <Route path="/marketing/campaigns" element={<CampaignsPage />} />
      <Route path="/marketing/campaigns/new" element={<CampaignWizardPage />} />
      <Route path="/marketing/campaigns/:campaignId" element={<CampaignResultsPage />} />
      <Route path="/marketing/model" element={<ScoringModelPage />} />
    </>
  ),
};
