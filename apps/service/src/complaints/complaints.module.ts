import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { TicketsModule } from '../tickets/tickets.module';
import { ComplaintIntakeConsumer } from './complaint-intake.consumer';

/** Complaints recorded by the call center become tickets. */
@Module({ imports: [ServiceMessaging, TicketsModule], providers: [ComplaintIntakeConsumer] })
export class ComplaintsModule {}
