import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerKind, Role, Roles } from '@crm/contracts';
import { User } from './user';

const USER_COLUMNS = 'id, username, display_name, roles, partner_id, partner_kind, active, created_at';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  partner_id: string | null;
  partner_kind: PartnerKind | null;
  active: boolean;
  created_at: Date;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    partnerId: row.partner_id,
    partnerKind: row.partner_kind,
    active: row.active,
    createdAt: row.created_at.toISOString(),
  };
}

export interface UserCredentials {
  user: User;
  passwordHash: string;
}

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when the username (compared case-insensitively) is taken. */
  async insert(user: User, passwordHash: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO identity.user_account (id, username, display_name, password_hash, roles, partner_id, partner_kind,
         active, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        user.id,
        user.username,
        user.displayName,
        passwordHash,
        user.roles,
        user.partnerId,
        user.partnerKind,
        user.active,
        user.createdAt,
      ],
    );
    return rows.length === 1;
  }

  async findByUsername(username: string): Promise<UserCredentials | null> {
    const rows = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, password_hash FROM identity.user_account WHERE lower(username) = lower($1)`,
      [username],
    );
    return rows[0] ? { user: toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
  }

  async list(limit: number, offset: number): Promise<User[]> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM identity.user_account ORDER BY lower(username) LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(toUser);
  }

  /** Whether an active admin other than `exceptId` exists; holds a lock so two disables cannot both pass. */
  async otherActiveAdminExists(tx: EntityManager, exceptId: string): Promise<boolean> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('identity.active_admins'))`);
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM identity.user_account WHERE active AND $1 = ANY (roles) AND id <> $2 LIMIT 1`,
      [Roles.admin, exceptId],
    );
    return rows.length > 0;
  }

  /** The user after the change, or null when there is no such user. */
  async setActive(tx: EntityManager, id: string, active: boolean): Promise<User | null> {
    // Wrapped in a SELECT so every driver (pg, PGlite) answers plain rows.
    const rows: UserRow[] = await tx.query(
      `WITH changed AS (UPDATE identity.user_account SET active = $2 WHERE id = $1 RETURNING ${USER_COLUMNS})
       SELECT * FROM changed`,
      [id, active],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** False when there is no such user. */
  async setPasswordHash(tx: EntityManager, id: string, passwordHash: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH changed AS (UPDATE identity.user_account SET password_hash = $2 WHERE id = $1 RETURNING id)
       SELECT id FROM changed`,
      [id, passwordHash],
    );
    return rows.length === 1;
  }

  async activeAdminExists(): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM identity.user_account WHERE active AND $1 = ANY (roles) LIMIT 1`,
      [Roles.admin],
    );
    return rows.length > 0;
  }
}
