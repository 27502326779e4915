import { Injectable } from '@nestjs/common';

/** Answers whether a record of one resource type is linked to a partner. */
export type PartnerLinkCheck = (partnerId: string, recordId: string) => Promise<boolean>;

/** Each service registers how its partner-scoped resources are linked to partners. */
@Injectable()
export class PartnerScopeRegistry {
  private readonly checks = new Map<string, PartnerLinkCheck>();

  register(resource: string, check: PartnerLinkCheck): void {
    this.checks.set(resource, check);
  }

  async isLinked(resource: string, partnerId: string, recordId: string): Promise<boolean> {
    const check = this.checks.get(resource);
    if (!check) throw new Error(`no partner scope registered for "${resource}"`);
    return check(partnerId, recordId);
  }
}
