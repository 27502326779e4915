import { Module } from '@nestjs/common';
import { ExternalRefRepository } from './external-ref.repository';

/** The map from source systems' ids to CRM ids. */
@Module({ providers: [ExternalRefRepository], exports: [ExternalRefRepository] })
export class ExternalRefsModule {}
