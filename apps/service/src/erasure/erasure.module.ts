import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { CustomerErasureHandler } from './customer-erasure.handler';
import { ServiceErasureRepository } from './service-erasure.repository';

/** Erasure of a customer across every table of the service app (PIPL/GDPR), reacting to the customer replica. */
@Module({
  imports: [CustomersModule],
  providers: [ServiceErasureRepository, CustomerErasureHandler],
})
export class ErasureModule {}
