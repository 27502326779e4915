import { Module } from '@nestjs/common';
import { SalesMessaging } from '../sales-messaging';
import { DealerReplicaConsumer } from './dealer-replica.consumer';
import { DealerRepository } from './dealer.repository';

/** What sales keeps of dealers from the customer master: where they are and what they sell. */
@Module({
  imports: [SalesMessaging],
  providers: [DealerRepository, DealerReplicaConsumer],
  exports: [DealerRepository],
})
export class DealersModule {}
