import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { RepairLog } from './repair-log';
import { RepairRecordRepository } from './repair-record.repository';

/** Repair records, published so they join the vehicle's history everywhere. */
@Module({
  imports: [ServiceMessaging],
  providers: [RepairRecordRepository, RepairLog],
  exports: [RepairLog],
})
export class RepairsModule {}
