import { z } from 'zod';
import { LEAD_SOURCES, LeadSource } from '@crm/contracts';
import { AssignmentRule } from './lead-assignment';

export type AssignmentRules = Partial<Record<LeadSource, AssignmentRule>>;

/**
 * `web_form=nearest-dealer,call_center=round-robin:<managerId>`: how a lead of each capture source is
 * assigned when captured; a source not named is left as captured.
 */
export const assignmentRulesSchema = z
  .string()
  .default('')
  .transform((list, ctx) => {
    const rules: AssignmentRules = {};
    for (const item of list
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const match = /^([a-z_]+)=(nearest-dealer|round-robin:(\S+))$/.exec(item);
      if (!match || !LEAD_SOURCES.includes(match[1] as LeadSource)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" is not <source>=nearest-dealer or <source>=round-robin:<managerId>`,
        });
        continue;
      }
      rules[match[1] as LeadSource] = match[3]
        ? { strategy: 'round-robin', managerId: match[3] }
        : { strategy: 'nearest-dealer' };
    }
    return rules;
  });
