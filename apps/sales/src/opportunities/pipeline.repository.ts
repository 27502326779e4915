import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Pipeline } from './pipeline';

const SELECT = `SELECT p.id, p.name, p.is_default AS "isDefault",
    COALESCE((SELECT json_agg(json_build_object('key', s.key, 'name', s.name, 'position', s.position,
              'probability', s.probability, 'outcome', s.outcome,
              'forecastCategory', s.forecast_category) ORDER BY s.position)
       FROM sales.pipeline_stage s WHERE s.pipeline_id = p.id), '[]') AS stages
  FROM sales.pipeline p`;

/** Pipelines and their stages; configuration shared by the whole sales team. */
@Injectable()
export class PipelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string | undefined, tx: EntityManager = this.dataSource.manager): Promise<Pipeline | null> {
    const [row] = id
      ? await tx.query(`${SELECT} WHERE p.id = $1`, [id])
      : await tx.query(`${SELECT} WHERE p.is_default`);
    return row ?? null;
  }

  list(): Promise<Pipeline[]> {
    return this.dataSource.query(`${SELECT} ORDER BY p.is_default DESC, p.name`);
  }

  async nameTaken(tx: EntityManager, name: string): Promise<boolean> {
    return (await tx.query(`SELECT 1 FROM sales.pipeline WHERE name = $1`, [name])).length > 0;
  }

  async insert(tx: EntityManager, pipeline: Pipeline): Promise<void> {
    await tx.query(`INSERT INTO sales.pipeline (id, name) VALUES ($1, $2)`, [pipeline.id, pipeline.name]);
    for (const stage of pipeline.stages) {
      await tx.query(
        `INSERT INTO sales.pipeline_stage (pipeline_id, key, name, position, probability, outcome, forecast_category)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          pipeline.id,
          stage.key,
          stage.name,
          stage.position,
          stage.probability,
          stage.outcome,
          stage.forecastCategory,
        ],
      );
    }
  }
}
