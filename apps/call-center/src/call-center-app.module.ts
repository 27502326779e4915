import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig } from '@crm/config';
import { PlatformModule } from '@crm/platform';
import { CALL_CENTER_SERVICE } from './call-center.constants';
import { CallCenterModule } from './call-center.module';
import { callCenterMigrations } from './migrations';

/** The call center deployed alone: its own schema, migrations, transport and cache. */
@Module({})
export class CallCenterAppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: CallCenterAppModule,
      imports: [
        PlatformModule.forRoot({ service: CALL_CENTER_SERVICE, config, migrations: callCenterMigrations }),
        CallCenterModule,
      ],
    };
  }
}

export const CALL_CENTER_API = {
  title: 'CRM call center',
  description:
    'Agent lookup, the customer 360, interactions on every channel, screen pop and complaint intake, ' +
    'answered from the call center’s own copy of customer, vehicle, partner and ticket events.',
};
