import { Module } from '@nestjs/common';
import { CustomerValueModule } from '../customer-value/customer-value.module';
import { SevenPsController } from './seven-ps.controller';
import { SevenPsRepository } from './seven-ps.repository';
import { SevenPsService } from './seven-ps.service';

/** The Seven Ps reports (ADR 0036), read from the projections; the value figures are customer value's. */
@Module({
  imports: [CustomerValueModule],
  controllers: [SevenPsController],
  providers: [SevenPsRepository, SevenPsService],
})
export class SevenPsModule {}
