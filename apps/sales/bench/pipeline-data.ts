import { once } from 'node:events';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEFAULT_PIPELINE_ID } from '../src/migrations/1796017000000-create-sales-tables';
import { mulberry32 } from '../../../test/bench/latency-stats';

export const DIRECTOR = 'director';
export const MANAGERS = Array.from({ length: 5 }, (_, m) => `manager-${m + 1}`);
const REPS_PER_MANAGER = 10;
export const FLEET_PIPELINE_ID = '00000000-0000-4000-8000-00000000f1ee';

/** The default pipeline's stages with their probability; a second pipeline repeats them. */
const STAGES: [key: string, probability: number, weight: number][] = [
  ['prospecting', 10, 18],
  ['qualification', 20, 14],
  ['needs_analysis', 40, 12],
  ['test_drive', 50, 10],
  ['proposal', 60, 8],
  ['negotiation', 80, 8],
  ['won', 100, 15],
  ['lost', 0, 15],
];
const CUSTOMERS = 50_000;
const ACTIVITY_TYPES = ['call', 'visit', 'email', 'meeting', 'test_drive'];
const BATCH = 5_000;
const DAY_MS = 86_400_000;
/** Creation dates spread over the two years before this day, so every run loads the same rows. */
const TODAY = Date.UTC(2026, 10, 1);

export interface Team {
  /** [userId, managerId] pairs, top first. */
  members: [string, string | null][];
  repsOf: Map<string, string[]>;
  owners: string[];
}

/** 1 director > 5 managers > 10 reps each; managers own a few opportunities of their own too. */
export function salesTeam(): Team {
  const members: [string, string | null][] = [[DIRECTOR, null]];
  const repsOf = new Map<string, string[]>();
  for (const manager of MANAGERS) {
    members.push([manager, DIRECTOR]);
    const reps = Array.from({ length: REPS_PER_MANAGER }, (_, r) => `${manager}-rep-${r + 1}`);
    for (const rep of reps) members.push([rep, manager]);
    repsOf.set(manager, reps);
  }
  return { members, repsOf, owners: [...repsOf.values()].flat() };
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Streams `count` rows made by `row(i)` into `COPY … FROM STDIN`. */
async function copyRows(client: Client, copy: string, count: number, row: (i: number) => string) {
  const stream = client.query(copyFrom(copy));
  let batch = '';
  for (let i = 0; i < count; i++) {
    batch += row(i);
    if (i % BATCH === BATCH - 1) {
      await write(stream, batch);
      batch = '';
    }
  }
  stream.end(batch);
  await finished(stream);
}

/** A UUID-shaped id from a counter, so activities can point at opportunities without keeping them. */
function uuidOf(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-${(0x8000 + kind).toString(16)}-${hex}`;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function weightedStage(random: () => number): [string, number] {
  const total = STAGES.reduce((sum, [, , weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [key, probability, weight] of STAGES) {
    roll -= weight;
    if (roll < 0) return [key, probability];
  }
  return [STAGES[0][0], STAGES[0][1]];
}

async function loadTeamAndPipelines(client: Client, team: Team): Promise<void> {
  for (const [userId, managerId] of team.members)
    await client.query(`INSERT INTO sales.sales_user (user_id, name, manager_id) VALUES ($1, $1, $2)`, [
      userId,
      managerId,
    ]);
  await client.query(`INSERT INTO sales.pipeline (id, name) VALUES ($1, 'Fleet sales')`, [FLEET_PIPELINE_ID]);
  await client.query(
    `INSERT INTO sales.pipeline_stage (pipeline_id, key, name, position, probability, outcome)
     SELECT $1, key, name, position, probability, outcome FROM sales.pipeline_stage WHERE pipeline_id = $2`,
    [FLEET_PIPELINE_ID, DEFAULT_PIPELINE_ID],
  );
}

/**
 * The team, a second pipeline, `opportunities` opportunities (95% owned by reps, 5% by managers,
 * 80% in the default pipeline, 30% closed) and `activities` activities, 80% on an opportunity
 * (logged by its owner), the rest on no opportunity.
 */
export async function loadPipelineData(
  client: Client,
  team: Team,
  opportunities: number,
  activities: number,
): Promise<void> {
  await loadTeamAndPipelines(client, team);
  const random = mulberry32(7);
  const ownerOf: string[] = [];
  const createdOf: number[] = [];
  await copyRows(
    client,
    `COPY sales.opportunity (id, name, pipeline_id, stage, probability, amount, currency, expected_close_date,
       customer_id, owner_id, close_reason, closed_at, created_at, updated_at) FROM STDIN`,
    opportunities,
    (i) => {
      const owner = random() < 0.05 ? MANAGERS[i % MANAGERS.length] : team.owners[Math.floor(random() * 50)];
      const created = TODAY - Math.floor(random() * 730) * DAY_MS - Math.floor(random() * DAY_MS);
      const [stage, probability] = weightedStage(random);
      const pipeline = random() < 0.8 ? DEFAULT_PIPELINE_ID : FLEET_PIPELINE_ID;
      const expected = random() < 0.05 ? '\\N' : isoDate(created + Math.floor(30 + random() * 150) * DAY_MS);
      const closed = stage === 'won' || stage === 'lost';
      const closedAt = closed ? new Date(created + Math.floor(random() * 120) * DAY_MS).toISOString() : '\\N';
      const amount = random() < 0.1 ? '\\N' : (100_000 + Math.floor(random() * 400_000)).toFixed(2);
      const customer = uuidOf(2, Math.floor(random() * CUSTOMERS));
      ownerOf.push(owner);
      createdOf.push(created);
      const at = new Date(created).toISOString();
      return `${uuidOf(1, i)}\tOpportunity ${i}\t${pipeline}\t${stage}\t${probability}\t${amount}\tCNY\t${expected}\t${customer}\t${owner}\t${closed ? 'bench' : '\\N'}\t${closedAt}\t${at}\t${at}\n`;
    },
  );
  await copyRows(
    client,
    `COPY sales.activity (id, type, subject, discussed, occurred_at, opportunity_id, owner_id, created_at) FROM STDIN`,
    activities,
    (i) => {
      const onOpportunity = opportunities > 0 && random() < 0.8;
      const o = Math.floor(random() * opportunities);
      const owner = onOpportunity ? ownerOf[o] : team.owners[Math.floor(random() * team.owners.length)];
      const base = onOpportunity ? createdOf[o] : TODAY - 730 * DAY_MS;
      const at = new Date(base + Math.floor(random() * 120 * DAY_MS)).toISOString();
      const type = ACTIVITY_TYPES[i % ACTIVITY_TYPES.length];
      return `${uuidOf(3, i)}\t${type}\tFollow-up ${i}\tPrice and delivery date\t${at}\t${onOpportunity ? uuidOf(1, o) : '\\N'}\t${owner}\t${at}\n`;
    },
  );
}
