import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { PartnerScopesRegistration } from './partner-scopes.registration';

/** Tells the shared auth guard which tickets and stations a partner may touch. */
@Module({ imports: [TicketsModule], providers: [PartnerScopesRegistration] })
export class PartnerScopesModule {}
