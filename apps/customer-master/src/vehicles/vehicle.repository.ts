import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Vehicle } from './vehicle';

const VEHICLE_COLUMNS = `id, vin, brand, model, model_year, to_char(purchase_date, 'YYYY-MM-DD') AS purchase_date,
  selling_dealer_id, to_char(warranty_end, 'YYYY-MM-DD') AS warranty_end, owner_customer_id, created_at, updated_at`;

interface VehicleRow {
  id: string;
  vin: string;
  brand: string;
  model: string;
  model_year: number | null;
  purchase_date: string | null;
  selling_dealer_id: string | null;
  warranty_end: string | null;
  owner_customer_id: string;
  created_at: Date;
  updated_at: Date;
}

function toVehicle(row: VehicleRow): Vehicle {
  return {
    vehicleId: row.id,
    vin: row.vin,
    brand: row.brand,
    model: row.model,
    modelYear: row.model_year,
    purchaseDate: row.purchase_date,
    sellingDealerId: row.selling_dealer_id,
    warrantyEnd: row.warranty_end,
    ownerCustomerId: row.owner_customer_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class VehicleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<Vehicle | null> {
    const rows = await tx.query(`SELECT ${VEHICLE_COLUMNS} FROM customer_master.vehicle WHERE id = $1`, [id]);
    return rows[0] ? toVehicle(rows[0]) : null;
  }

  async findByVin(vin: string, tx: EntityManager = this.dataSource.manager): Promise<Vehicle | null> {
    const rows = await tx.query(`SELECT ${VEHICLE_COLUMNS} FROM customer_master.vehicle WHERE vin = $1`, [
      vin,
    ]);
    return rows[0] ? toVehicle(rows[0]) : null;
  }

  async ownedBy(customerId: string, tx: EntityManager = this.dataSource.manager): Promise<Vehicle[]> {
    const rows = await tx.query(
      `SELECT ${VEHICLE_COLUMNS} FROM customer_master.vehicle WHERE owner_customer_id = $1 ORDER BY purchase_date, vin`,
      [customerId],
    );
    return rows.map(toVehicle);
  }

  /** Vehicles the dealer sold, the latest sale first. */
  async soldBy(dealerId: string, f: { search?: string; limit: number; offset: number }): Promise<Vehicle[]> {
    const rows = await this.dataSource.query(
      `SELECT ${VEHICLE_COLUMNS} FROM customer_master.vehicle WHERE selling_dealer_id = $1
          AND ($2::text IS NULL OR strpos(lower(vin || ' ' || brand || ' ' || model), lower($2)) > 0)
        ORDER BY purchase_date DESC NULLS LAST, created_at DESC, id LIMIT $3 OFFSET $4`,
      [dealerId, f.search?.trim() || null, f.limit, f.offset],
    );
    return rows.map(toVehicle);
  }

  async save(tx: EntityManager, v: Vehicle): Promise<void> {
    await tx.query(
      `INSERT INTO customer_master.vehicle (id, vin, brand, model, model_year, purchase_date, selling_dealer_id,
         warranty_end, owner_customer_id, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       ON CONFLICT (id) DO UPDATE SET brand = EXCLUDED.brand, model = EXCLUDED.model, model_year = EXCLUDED.model_year,
         purchase_date = EXCLUDED.purchase_date, selling_dealer_id = EXCLUDED.selling_dealer_id,
         warranty_end = EXCLUDED.warranty_end, owner_customer_id = EXCLUDED.owner_customer_id,
         updated_at = EXCLUDED.updated_at`,
      [
        v.vehicleId,
        v.vin,
        v.brand,
        v.model,
        v.modelYear,
        v.purchaseDate,
        v.sellingDealerId,
        v.warrantyEnd,
        v.ownerCustomerId,
        v.createdAt,
        v.updatedAt,
      ],
    );
  }

  /** The vehicles already registered under any of these VINs. */
  async findByVins(tx: EntityManager, vins: string[]): Promise<Vehicle[]> {
    if (vins.length === 0) return [];
    // The VIN's trigram index (the search's) answers `=` too, and the planner, estimating one row per VIN, probed it
    // once per VIN of the batch: 10-11 s for a thousand VINs at 100k vehicles (auto_explain during bench:inbound).
    // A trigram index is only ever read by a bitmap scan, so without bitmap scans the unique b-tree is the one left.
    await tx.query('SET LOCAL enable_bitmapscan = off');
    const rows = await tx.query(
      `SELECT ${VEHICLE_COLUMNS} FROM unnest($1::text[]) AS k(vin) JOIN customer_master.vehicle USING (vin)`,
      [vins],
    );
    await tx.query('SET LOCAL enable_bitmapscan = on');
    return rows.map(toVehicle);
  }

  /** Inserts new vehicles in one statement (ADR 0049). */
  async insertMany(tx: EntityManager, vehicles: Vehicle[]): Promise<void> {
    if (vehicles.length === 0) return;
    await tx.query(
      `INSERT INTO customer_master.vehicle (id, vin, brand, model, model_year, purchase_date, selling_dealer_id,
         warranty_end, owner_customer_id, created_at, updated_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::date[], $7::uuid[],
         $8::date[], $9::uuid[], $10::timestamptz[], $11::timestamptz[])`,
      [
        vehicles.map((v) => v.vehicleId),
        vehicles.map((v) => v.vin),
        vehicles.map((v) => v.brand),
        vehicles.map((v) => v.model),
        vehicles.map((v) => v.modelYear),
        vehicles.map((v) => v.purchaseDate),
        vehicles.map((v) => v.sellingDealerId),
        vehicles.map((v) => v.warrantyEnd),
        vehicles.map((v) => v.ownerCustomerId),
        vehicles.map((v) => v.createdAt),
        vehicles.map((v) => v.updatedAt),
      ],
    );
  }

  async isSoldBy(dealerId: string, vehicleId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM customer_master.vehicle WHERE id = $1 AND selling_dealer_id = $2`,
      [vehicleId, dealerId],
    );
    return rows.length > 0;
  }
}
