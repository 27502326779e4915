import { randomBytes } from 'node:crypto';
import { describeServiceStartup } from '@crm/testing';
import { campaignsDefinition } from '../src';

describeServiceStartup(campaignsDefinition, 'campaigns', {
  CAMPAIGNS_UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
});
