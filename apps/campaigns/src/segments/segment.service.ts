import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, ConflictError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { Segment, SegmentKind, SegmentMember } from './segment';
import { SegmentRepository } from './segment.repository';
import { parseSegmentRule } from './segment-rule';
import { compileSegment, compileSegmentRule, monthInShanghai, SegmentSql } from './segment-sql';

export interface NewSegment {
  name: string;
  rule: unknown;
  createdBy: string;
}

export interface RuleEvaluation {
  count: number;
  items: SegmentMember[];
}

export interface SegmentEdit {
  /** The version the editor read; another edit since then makes this one a 409. */
  version: number;
  name?: string;
  rule?: unknown;
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
    const segment = this.newSegment('rule', input.name, input.createdBy, parseSegmentRule(input.rule));
    await this.segments.insert(this.dataSource.manager, segment);
    return segment;
  }

  /** A segment not yet stored, for the use cases that write it with more in one transaction. */
  newSegment(kind: SegmentKind, name: string, createdBy: string, rule: Segment['rule'] = null): Segment {
    const createdAt = this.clock.now().toISOString();
    return {
      id: this.ids.next(),
      name,
      kind,
      rule,
      version: 1,
      createdBy,
      createdAt,
      updatedAt: null,
      archivedAt: null,
    };
  }

  async get(id: string, tx: EntityManager = this.dataSource.manager): Promise<Segment> {
    const segment = await this.segments.find(tx, id);
    if (!segment) throw new NotFoundError('Segment', id);
    return segment;
  }

  list(limit: number, offset: number): Promise<Segment[]> {
    return this.segments.list(this.dataSource.manager, limit, offset);
  }

  /** Renames or re-rules a segment, only from the version the editor read; a static list has no rule. */
  async edit(id: string, edit: SegmentEdit): Promise<Segment> {
    const current = await this.get(id);
    if (current.archivedAt) throw new ConflictError('The segment is archived; it can no longer change');
    if (edit.rule !== undefined && current.kind === 'static')
      throw new InvalidInputError([
        { field: 'rule', message: 'a static segment has no rule; import its members' },
      ]);
    const rule = edit.rule === undefined ? undefined : parseSegmentRule(edit.rule);
    const at = this.clock.now().toISOString();
    const changed = await this.segments.update(this.dataSource.manager, id, edit.version, {
      name: edit.name,
      rule,
      at,
    });
    if (!changed)
      throw new ConflictError(`The segment changed since version ${edit.version}; read it again`, {
        currentVersion: (await this.get(id)).version,
      });
    return changed;
  }

  /** Archived segments leave the list and stay readable, so campaigns that used one can still show it. */
  async archive(id: string): Promise<void> {
    await this.get(id);
    await this.segments.archive(this.dataSource.manager, id, this.clock.now().toISOString());
  }

  async count(id: string): Promise<number> {
    return this.segments.countMembers(this.dataSource.manager, await this.selection(id));
  }

  async preview(id: string, limit: number, offset: number): Promise<SegmentMember[]> {
    return this.segments.members(this.dataSource.manager, await this.selection(id), limit, offset);
  }

  /** A rule not saved (the builder's draft): validated as saving would, then counted with a page of its members. */
  async evaluate(rule: unknown, limit: number, offset: number): Promise<RuleEvaluation> {
    const now = this.clock.now();
    const sql = compileSegmentRule(parseSegmentRule(rule), { currentMonth: monthInShanghai(now), now });
    const tx = this.dataSource.manager;
    const [count, items] = await Promise.all([
      this.segments.countMembers(tx, sql),
      this.segments.members(tx, sql, limit, offset),
    ]);
    return { count, items };
  }

  /** The segment's members as SQL, evaluated at this moment (the month and time a rule may depend on). */
  async selection(id: string, tx: EntityManager = this.dataSource.manager): Promise<SegmentSql> {
    const segment = await this.get(id, tx);
    const now = this.clock.now();
    return compileSegment(segment, { currentMonth: monthInShanghai(now), now });
  }
}
