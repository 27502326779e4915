import { describeServiceStartup } from '@crm/testing';
import { integrationDefinition } from '../src';

describeServiceStartup(integrationDefinition, 'integration');
