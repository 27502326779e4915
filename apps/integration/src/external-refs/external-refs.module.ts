import { Module } from '@nestjs/common';
import { ExternalRefRepository } from './external-ref.repository';
import { RecordLeases } from './record-leases';

/** The map from source systems' ids to CRM ids, and the leases that let one request at a time import a record. */
@Module({ providers: [ExternalRefRepository, RecordLeases], exports: [ExternalRefRepository, RecordLeases] })
export class ExternalRefsModule {}
