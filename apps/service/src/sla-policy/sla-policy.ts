import { Injectable } from '@nestjs/common';
import { Severity } from '@crm/contracts';
import { OpeningHours } from '../stations/station';
import { SLA_TARGETS } from '../taxonomy/quality-type-catalog';
import { addBusinessHours } from './business-hours';

const HOUR = 3_600_000;

/** Due times per severity: resolution runs from opening, response from routing in the station's hours. */
@Injectable()
export class SlaPolicy {
  resolutionDue(openedAt: Date, severity: Severity): Date {
    return new Date(openedAt.getTime() + SLA_TARGETS[severity].resolutionHours * HOUR);
  }

  responseDue(routedAt: Date, severity: Severity, openingHours: OpeningHours): Date {
    return addBusinessHours(routedAt, SLA_TARGETS[severity].responseHours, openingHours);
  }
}
