import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RepairRecord } from './repair-record';

@Injectable()
export class RepairRecordRepository {
  async insert(tx: EntityManager, r: RepairRecord): Promise<void> {
    await tx.query(
      `INSERT INTO service.repair_record (id, ticket_id, station_id, work_done, parts, cost_amount, cost_currency,
         technician, repaired_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        r.repairId,
        r.ticketId,
        r.stationId,
        r.workDone,
        JSON.stringify(r.parts),
        r.cost.amount,
        r.cost.currency,
        r.technician,
        r.repairedAt,
      ],
    );
  }
}
