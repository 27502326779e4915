import { describeServiceStartup } from '@crm/testing';
import { campaignsDefinition } from '../src';

describeServiceStartup(campaignsDefinition, 'campaigns');
