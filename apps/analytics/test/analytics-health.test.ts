import { describeServiceStartup } from '@crm/testing';
import { analyticsDefinition } from '../src';

describeServiceStartup(analyticsDefinition, 'analytics');
