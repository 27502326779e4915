import { Module } from '@nestjs/common';
import { CustomerDataController } from './customer-data.controller';
import { CustomerDataRepository } from './customer-data.repository';

/** The service app's part of a customer's data export. */
@Module({ controllers: [CustomerDataController], providers: [CustomerDataRepository] })
export class DataExportModule {}
