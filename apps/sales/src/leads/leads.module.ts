import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { DealersModule } from '../dealers/dealers.module';
import { PLATFORM_CONFIG } from '@crm/platform';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { SalesMessaging } from '../sales-messaging';
import { LeadAssigner } from './assignment/lead-assigner';
import { LeadAssignmentService } from './assignment/lead-assignment.service';
import { LeadRotationRepository } from './assignment/lead-rotation.repository';
import { NearestDealerDemo } from './assignment/nearest-dealer.demo';
import { CustomerMasterGateway } from './conversion/customer-master.gateway';
import { LeadCaptureService } from './lead-capture.service';
import { LeadConversionService } from './lead-conversion.service';
import { LeadPartnerScopeRegistration } from './lead-partner-scope.registration';
import { LeadPublishing } from './lead-publishing';
import { LeadWorkService } from './lead-work.service';
import { LeadController } from './lead.controller';
import { LeadRepository } from './lead.repository';
import { LEAD_SETTINGS, leadSettings } from './lead-settings';

/**
 * Leads: capture (matched to known customers, assigned by source), assign to the nearest dealer or a
 * team in turn, work within the team tree or the dealer, convert through the customer master.
 */
@Module({
  imports: [SalesMessaging, HierarchyModule, CustomersModule, DealersModule, OpportunitiesModule],
  controllers: [LeadController],
  providers: [
    { provide: LEAD_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: leadSettings },
    LeadRepository,
    LeadRotationRepository,
    LeadAssigner,
    LeadAssignmentService,
    CustomerMasterGateway,
    LeadPublishing,
    LeadCaptureService,
    LeadWorkService,
    LeadConversionService,
    LeadPartnerScopeRegistration,
    NearestDealerDemo,
  ],
  exports: [LeadRepository, LeadCaptureService, NearestDealerDemo],
})
export class LeadsModule {}
