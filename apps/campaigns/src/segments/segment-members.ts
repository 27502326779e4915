import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SegmentRepository } from './segment.repository';
import { SegmentService } from './segment.service';

export interface SegmentMembersOptions {
  /** Ids per batch; 1,000 by default. */
  batchSize?: number;
  /** Read inside the caller's transaction (e.g. to freeze membership with the rest of a send). */
  tx?: EntityManager;
}

/**
 * Every member customer id of a segment, rule or static list alike, in batches in id order (keyset pages,
 * so each batch costs the same however deep). The rule is evaluated once, at the first batch: a rule on the
 * current month or "months since" keeps the moment the iteration started.
 */
@Injectable()
export class SegmentMembers {
  constructor(
    private readonly segments: SegmentService,
    private readonly repository: SegmentRepository,
    private readonly dataSource: DataSource,
  ) {}

  async *batches(segmentId: string, options: SegmentMembersOptions = {}): AsyncGenerator<string[]> {
    const tx = options.tx ?? this.dataSource.manager;
    const batchSize = options.batchSize ?? 1000;
    const selection = await this.segments.selection(segmentId, tx);
    for (let after: string | null = null; ;) {
      const ids = await this.repository.memberIdsAfter(tx, selection, after, batchSize);
      if (ids.length > 0) yield ids;
      if (ids.length < batchSize) return;
      after = ids[ids.length - 1];
    }
  }
}
