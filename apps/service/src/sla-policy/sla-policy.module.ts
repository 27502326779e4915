import { Module } from '@nestjs/common';
import { SlaPolicy } from './sla-policy';

/** The due times of a ticket's SLA targets: pure rules, known to the ticket core and to routing. */
@Module({ providers: [SlaPolicy], exports: [SlaPolicy] })
export class SlaPolicyModule {}
