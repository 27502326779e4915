import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { SalesMessaging } from '../sales-messaging';
import { LeadCaptureService } from './lead-capture.service';
import { LeadConversionService } from './lead-conversion.service';
import { LeadPartnerScopeRegistration } from './lead-partner-scope.registration';
import { LeadPublishing } from './lead-publishing';
import { LeadWorkService } from './lead-work.service';
import { LeadController } from './lead.controller';
import { LeadRepository } from './lead.repository';

/** Leads: capture (matched to known customers), work within the team tree or the dealer, convert. */
@Module({
  imports: [SalesMessaging, HierarchyModule, CustomersModule, OpportunitiesModule],
  controllers: [LeadController],
  providers: [
    LeadRepository,
    LeadPublishing,
    LeadCaptureService,
    LeadWorkService,
    LeadConversionService,
    LeadPartnerScopeRegistration,
  ],
  exports: [LeadRepository, LeadCaptureService],
})
export class LeadsModule {}
