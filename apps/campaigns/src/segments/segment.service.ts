import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, IdGenerator, NotFoundError } from '@crm/core';
import { Segment, SegmentMember } from './segment';
import { SegmentRepository } from './segment.repository';
import { parseSegmentRule } from './segment-rule';
import { compileSegmentRule, monthInShanghai, SegmentSql } from './segment-sql';

export interface NewSegment {
  name: string;
  rule: unknown;
  createdBy: string;
}

/** Segments are defined once and evaluated live: their count and members follow the replica. */
@Injectable()
export class SegmentService {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(input: NewSegment): Promise<Segment> {
    const segment: Segment = {
      id: this.ids.next(),
      name: input.name,
      rule: parseSegmentRule(input.rule),
      createdBy: input.createdBy,
      createdAt: this.clock.now().toISOString(),
    };
    await this.segments.insert(this.dataSource.manager, segment);
    return segment;
  }

  async get(id: string): Promise<Segment> {
    const segment = await this.segments.find(this.dataSource.manager, id);
    if (!segment) throw new NotFoundError('Segment', id);
    return segment;
  }

  list(limit: number, offset: number): Promise<Segment[]> {
    return this.segments.list(this.dataSource.manager, limit, offset);
  }

  async count(id: string): Promise<number> {
    return this.segments.countMembers(this.dataSource.manager, await this.compiled(id));
  }

  async preview(id: string, limit: number, offset: number): Promise<SegmentMember[]> {
    return this.segments.members(this.dataSource.manager, await this.compiled(id), limit, offset);
  }

  private async compiled(id: string): Promise<SegmentSql> {
    const segment = await this.get(id);
    return compileSegmentRule(segment.rule, { currentMonth: monthInShanghai(this.clock.now()) });
  }
}
