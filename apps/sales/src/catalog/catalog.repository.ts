import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { CarModel, CatalogHit, CatalogNote, NoteKind, Trim, TrimSummary } from './catalog';
import { documentTerms, SearchTerms } from './catalog-search-terms';

const MODEL_COLUMNS = `m.id, m.code, m.name, m.description, ${isoTimestampSql('m.retired_at')} AS "retiredAt"`;
const TRIM_COLUMNS = `t.id, t.model_id AS "modelId", t.code, t.name, t.powertrain, t.engine, t.power_kw AS "powerKw",
  t.range_km AS "rangeKm", t.seats, t.specs, ${isoTimestampSql('t.retired_at')} AS "retiredAt"`;
const RETIRABLE = { model: 'sales.catalog_model', trim: 'sales.catalog_trim' } as const;
export type Retirable = keyof typeof RETIRABLE;
const NOTE_COLUMNS = `n.id, n.model_id AS "modelId", n.trim_id AS "trimId", n.kind, n.title, n.body`;

/** The weighted document of a row: `$n` the CJK terms, `$n+1` the latin text. */
function documentSql(cjk: number, weight: 'A' | 'B'): string {
  return `setweight(to_tsvector('simple', $${cjk}) || to_tsvector('english', $${cjk + 1}), '${weight}')`;
}

/** Models, trims and their selling points and FAQs; every row carries its full-text document. */
@Injectable()
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertModel(tx: EntityManager, m: CarModel): Promise<void> {
    const terms = documentTerms(m.code, m.name, m.description);
    await tx.query(
      `INSERT INTO sales.catalog_model (id, code, name, description, search_document)
       VALUES ($1, $2, $3, $4, ${documentSql(5, 'A')})`,
      [m.id, m.code, m.name, m.description, terms.cjk, terms.latin],
    );
  }

  async insertTrim(tx: EntityManager, t: Trim, modelName: string): Promise<void> {
    const terms = documentTerms(modelName, t.code, t.name, t.engine);
    await tx.query(
      `INSERT INTO sales.catalog_trim (id, model_id, code, name, powertrain, engine, power_kw, range_km, seats, specs,
         search_document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${documentSql(11, 'A')})`,
      [
        t.id,
        t.modelId,
        t.code,
        t.name,
        t.powertrain,
        t.engine,
        t.powerKw,
        t.rangeKm,
        t.seats,
        JSON.stringify(t.specs),
        terms.cjk,
        terms.latin,
      ],
    );
  }

  async insertNote(tx: EntityManager, n: CatalogNote): Promise<void> {
    const terms = documentTerms(n.title, n.body);
    await tx.query(
      `INSERT INTO sales.catalog_note (id, model_id, trim_id, kind, title, body, search_document)
       VALUES ($1, $2, $3, $4, $5, $6, ${documentSql(7, 'B')})`,
      [n.id, n.modelId, n.trimId, n.kind, n.title, n.body, terms.cjk, terms.latin],
    );
  }

  async updateModel(tx: EntityManager, m: CarModel): Promise<void> {
    const terms = documentTerms(m.code, m.name, m.description);
    await tx.query(
      `UPDATE sales.catalog_model SET name = $2, description = $3, search_document = ${documentSql(4, 'A')}
        WHERE id = $1`,
      [m.id, m.name, m.description, terms.cjk, terms.latin],
    );
  }

  /** A trim's document holds its model's name, so renaming a model rewrites its trims' documents too. */
  async updateTrim(tx: EntityManager, t: Trim, modelName: string): Promise<void> {
    const terms = documentTerms(modelName, t.code, t.name, t.engine);
    await tx.query(
      `UPDATE sales.catalog_trim SET name = $2, powertrain = $3, engine = $4, power_kw = $5, range_km = $6, seats = $7,
         specs = $8, search_document = ${documentSql(9, 'A')}
        WHERE id = $1`,
      [
        t.id,
        t.name,
        t.powertrain,
        t.engine,
        t.powerKw,
        t.rangeKm,
        t.seats,
        JSON.stringify(t.specs),
        terms.cjk,
        terms.latin,
      ],
    );
  }

  async updateNote(tx: EntityManager, n: CatalogNote): Promise<void> {
    const terms = documentTerms(n.title, n.body);
    await tx.query(
      `UPDATE sales.catalog_note SET trim_id = $2, title = $3, body = $4, search_document = ${documentSql(5, 'B')}
        WHERE id = $1`,
      [n.id, n.trimId, n.title, n.body, terms.cjk, terms.latin],
    );
  }

  /** Sets `retired_at` once: retiring again keeps the first date. */
  async retire(tx: EntityManager, kind: Retirable, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE ${RETIRABLE[kind]} SET retired_at = COALESCE(retired_at, $2) WHERE id = $1`, [
      id,
      at,
    ]);
  }

  /** Those of `trimIds` no longer offered: retired themselves or through their model. */
  retiredAmong(tx: EntityManager, trimIds: string[]): Promise<TrimSummary[]> {
    return tx.query(
      `SELECT t.id AS "trimId", t.name AS "trimName", m.id AS "modelId", m.name AS "modelName"
         FROM sales.catalog_trim t JOIN sales.catalog_model m ON m.id = t.model_id
        WHERE t.id = ANY($1::uuid[]) AND (t.retired_at IS NOT NULL OR m.retired_at IS NOT NULL)
        ORDER BY t.name, t.id`,
      [trimIds],
    );
  }

  /** With `forUpdate`, the model row is locked: changes of one model and its trims run one at a time. */
  async findModel(
    id: string,
    tx: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<CarModel | null> {
    const [row] = await tx.query(
      `SELECT ${MODEL_COLUMNS} FROM sales.catalog_model m WHERE m.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async findNote(id: string, tx: EntityManager, forUpdate = false): Promise<CatalogNote | null> {
    const [row] = await tx.query(
      `SELECT ${NOTE_COLUMNS} FROM sales.catalog_note n WHERE n.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** Whether the id names a model or a trim. */
  async exists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM sales.catalog_model WHERE id = $1 UNION ALL SELECT 1 FROM sales.catalog_trim WHERE id = $1`,
      [id],
    );
    return rows.length > 0;
  }

  listModels(): Promise<CarModel[]> {
    return this.dataSource.query(`SELECT ${MODEL_COLUMNS} FROM sales.catalog_model m ORDER BY m.name, m.id`);
  }

  /** With `forUpdate`, the trim row is locked: price list changes of one trim run one at a time. */
  async findTrim(
    id: string,
    tx: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<Trim | null> {
    const [row] = await tx.query(
      `SELECT ${TRIM_COLUMNS} FROM sales.catalog_trim t WHERE t.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  trimsOf(modelId: string, tx: EntityManager = this.dataSource.manager): Promise<Trim[]> {
    return tx.query(
      `SELECT ${TRIM_COLUMNS} FROM sales.catalog_trim t WHERE t.model_id = $1 ORDER BY t.name, t.id`,
      [modelId],
    );
  }

  async trimSummary(tx: EntityManager, trimId: string): Promise<TrimSummary | null> {
    const [row] = await tx.query(
      `SELECT t.id AS "trimId", t.name AS "trimName", m.id AS "modelId", m.name AS "modelName"
         FROM sales.catalog_trim t JOIN sales.catalog_model m ON m.id = t.model_id WHERE t.id = $1`,
      [trimId],
    );
    return row ?? null;
  }

  notesOf(modelId: string, kind: NoteKind): Promise<CatalogNote[]> {
    return this.dataSource.query(
      `SELECT ${NOTE_COLUMNS} FROM sales.catalog_note n WHERE n.model_id = $1 AND n.kind = $2
        ORDER BY n.created_at, n.id`,
      [modelId, kind],
    );
  }

  /** Models, trims, selling points and FAQs matching every query term, best first (names weigh most). */
  search(terms: SearchTerms, limit: number, offset: number): Promise<CatalogHit[]> {
    return this.dataSource.query(
      `WITH q AS (SELECT plainto_tsquery('simple', $1) && plainto_tsquery('english', $2) AS query),
       hits AS (
         SELECT 'model' AS kind, m.id, m.id AS "modelId", NULL::uuid AS "trimId", m.name AS title,
                m.description AS body, ts_rank(m.search_document, q.query) AS rank
           FROM sales.catalog_model m, q WHERE m.search_document @@ q.query
         UNION ALL
         SELECT 'trim', t.id, t.model_id, t.id, t.name, NULL, ts_rank(t.search_document, q.query)
           FROM sales.catalog_trim t, q WHERE t.search_document @@ q.query
         UNION ALL
         SELECT n.kind, n.id, n.model_id, n.trim_id, n.title, n.body, ts_rank(n.search_document, q.query)
           FROM sales.catalog_note n, q WHERE n.search_document @@ q.query)
       SELECT kind, id, "modelId", "trimId", title, body, round(rank::numeric, 4)::float8 AS rank
         FROM hits ORDER BY rank DESC, title, id LIMIT $3 OFFSET $4`,
      [terms.cjk, terms.latin, limit, offset],
    );
  }
}
