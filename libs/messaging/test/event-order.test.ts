import { DataSource } from 'typeorm';
import { EventOrder, incomingEventIsNewerSql } from '@crm/messaging';
import { createTestDatabase, TestDatabase } from '@crm/testing';

const NEWER = incomingEventIsNewerSql(
  { sequence: '$1::bigint', occurredAt: '$2::timestamptz' },
  { sequence: '$3::bigint', occurredAt: '$4::timestamptz' },
);
const EARLY = '2026-11-30T09:00:00.000Z';
const LATE = '2026-11-30T10:00:00.000Z';
const at = (sequence: number | null, occurredAt: string): EventOrder => ({ sequence, occurredAt });
const nothing = { sequence: null, occurredAt: null };

describe(incomingEventIsNewerSql.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('order');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const wins = async (
    incoming: EventOrder,
    held: EventOrder | { sequence: null; occurredAt: null },
  ): Promise<boolean> => {
    const [row] = await dataSource.query(`SELECT ${NEWER} AS newer`, [
      incoming.sequence,
      incoming.occurredAt,
      held.sequence,
      held.occurredAt,
    ]);
    return row.newer;
  };

  it.each([
    ['a higher number, though its clock says earlier', at(3, EARLY), at(2, LATE), true],
    ['a lower number, though its clock says later', at(2, LATE), at(3, EARLY), false],
    ['the same number again (a redelivery)', at(3, LATE), at(3, LATE), false],
    [
      'a numbered event over an unnumbered one, though its clock says earlier',
      at(1, EARLY),
      at(null, LATE),
      true,
    ],
    [
      'an unnumbered event over a numbered one, though its clock says later',
      at(null, LATE),
      at(1, EARLY),
      false,
    ],
    ['an unnumbered event over an earlier unnumbered one', at(null, LATE), at(null, EARLY), true],
    [
      'an unnumbered event over one of the same time, as before numbering',
      at(null, EARLY),
      at(null, EARLY),
      true,
    ],
    ['an unnumbered event over a later unnumbered one', at(null, EARLY), at(null, LATE), false],
  ])('%s: %s', async (_case, incoming, held, expected) => {
    expect(await wins(incoming, held)).toBe(expected);
  });

  it('replaces what no event wrote, numbered or not', async () => {
    expect(await wins(at(1, EARLY), nothing)).toBe(true);
    expect(await wins(at(null, EARLY), nothing)).toBe(true);
  });
});
