import { describeServiceStartup } from '@crm/testing';
import { webTrackingDefinition } from '../src';

describeServiceStartup(webTrackingDefinition, 'web_tracking');
