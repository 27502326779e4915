import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerKind, Role, Roles } from '@crm/contracts';
import { PartnerBinding } from './partner-binding';
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

export interface UserFilter {
  search?: string;
  role?: Role;
  active?: boolean;
  limit: number;
  offset: number;
}

export interface UserCredentials {
  user: User;
  passwordHash: string;
}

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when the username (compared case-insensitively) is taken. */
  async insert(
    user: User,
    passwordHash: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows = await tx.query(
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

  async list(f: UserFilter): Promise<User[]> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM identity.user_account
        WHERE ($1::text IS NULL OR strpos(lower(username), lower($1)) > 0 OR strpos(lower(display_name), lower($1)) > 0)
          AND ($2::text IS NULL OR $2 = ANY (roles)) AND ($3::boolean IS NULL OR active = $3)
        ORDER BY lower(username) LIMIT $4 OFFSET $5`,
      [f.search, f.role, f.active, f.limit, f.offset].map((v) => v ?? null),
    );
    return rows.map(toUser);
  }

  async findById(tx: EntityManager, id: string): Promise<User | null> {
    const rows: UserRow[] = await tx.query(
      `SELECT ${USER_COLUMNS} FROM identity.user_account WHERE id = $1`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** The user after the change, or null when there is no such user. */
  async setRoles(tx: EntityManager, id: string, binding: Required<PartnerBinding>): Promise<User | null> {
    const rows: UserRow[] = await tx.query(
      `WITH changed AS (UPDATE identity.user_account SET roles = $2, partner_id = $3, partner_kind = $4 WHERE id = $1
         RETURNING ${USER_COLUMNS})
       SELECT * FROM changed`,
      [id, binding.roles, binding.partnerId, binding.partnerKind],
    );
    return rows[0] ? toUser(rows[0]) : null;
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
