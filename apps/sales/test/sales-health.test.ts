import { describeServiceStartup } from '@crm/testing';
import { salesDefinition } from '../src';

describeServiceStartup(salesDefinition, 'sales');
