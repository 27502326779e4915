import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { SalesRecordType } from '@crm/contracts';
import { Clock, IdGenerator, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { scopeOf, SalesScope } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { GuidanceComment, GuidedRecord } from './guidance-comment';
import { GuidanceDomainEvents } from './guidance-domain-events';
import { GuidanceRepository } from './guidance.repository';
import { GuidedRecords } from './guided-records';

/**
 * Guidance on leads, opportunities and activities: a manager comments on the records of anyone below them, the
 * owner replies on their own; anyone else gets 404, as for a record they cannot see. Whoever sees the record reads
 * the thread.
 */
@Injectable()
export class GuidanceService {
  constructor(
    private readonly records: GuidedRecords,
    private readonly comments: GuidanceRepository,
    private readonly team: SalesTeamRepository,
    private readonly events: GuidanceDomainEvents,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async list(principal: Principal, type: SalesRecordType, id: string): Promise<GuidanceComment[]> {
    await this.visibleRecord(scopeOf(principal), type, id);
    return this.comments.listFor(type, id);
  }

  async post(
    principal: Principal,
    type: SalesRecordType,
    id: string,
    body: string,
  ): Promise<GuidanceComment> {
    const scope = scopeOf(principal);
    const record = await this.visibleRecord(scope, type, id);
    if (!(await this.mayComment(scope, record))) throw new NotFoundError(type, id);
    const comment: GuidanceComment = {
      id: this.ids.next(),
      recordType: type,
      recordId: id,
      kind: record.ownerId === principal.subject ? 'reply' : 'guidance',
      authorId: principal.subject,
      authorName: (await this.team.find(principal.subject))?.name ?? principal.name ?? null,
      body,
      createdAt: this.clock.now().toISOString(),
    };
    return this.uow.run(async (tx) => {
      const audience =
        comment.kind === 'reply' ? await this.comments.guidesOf(tx, type, id) : [record.ownerId];
      await this.comments.insert(tx, comment);
      await this.events.raise(tx, 'commented', {
        comment,
        record,
        audience: audience.filter((who): who is string => who !== null && who !== comment.authorId),
      });
      return comment;
    });
  }

  private async visibleRecord(scope: SalesScope, type: SalesRecordType, id: string): Promise<GuidedRecord> {
    const record = await this.records.find(scope, type, id);
    if (!record) throw new NotFoundError(type, id);
    return record;
  }

  /** The owner, or someone above the owner in the tree (admins anywhere); an account-team colleague only reads. */
  private async mayComment(scope: SalesScope, record: GuidedRecord): Promise<boolean> {
    if (record.ownerId === null) return scope.kind === 'all';
    if (scope.kind === 'all' || record.ownerId === scope.userId) return true;
    return scope.kind === 'team' && this.team.isWithin(scope.userId, record.ownerId);
  }
}
