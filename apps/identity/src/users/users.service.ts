import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Roles } from '@crm/contracts';
import { Clock, ConflictError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { IdentityAuditActions, IdentityAuditLog } from '../audit/identity-audit-log';
import { Page } from '@crm/http';
import { SecretHasher } from '../credentials/secret-hasher';
import { PartnerBinding, partnerBindingErrors } from './partner-binding';
import { NewUser, User } from './user';
import { UserFilter, UserRepository } from './user.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: SecretHasher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly audit: IdentityAuditLog,
    private readonly dataSource: DataSource,
  ) {}

  async register(input: NewUser): Promise<User> {
    const user = this.newUser(input);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.users.insert(user, passwordHash, tx)))
        throw new ConflictError(`The username ${input.username} is taken`, { field: 'username' });
      await this.audit.record(tx, {
        action: IdentityAuditActions.userCreated,
        entityType: 'user',
        entityId: user.id,
      });
      return user;
    });
  }

  /** Creates the user unless one with that username exists; an existing user is left as it is. */
  async ensureUser(input: NewUser): Promise<User> {
    const existing = await this.users.findByUsername(input.username);
    if (existing) return existing.user;
    const user = this.newUser(input);
    if (await this.users.insert(user, await this.hasher.hash(input.password))) return user;
    // Another caller created it between the lookup and the insert.
    return (await this.users.findByUsername(input.username))!.user;
  }

  async list(filter: UserFilter): Promise<Page<User>> {
    return { items: await this.users.list(filter), limit: filter.limit, offset: filter.offset };
  }

  /**
   * Replaces the user's roles (and partner, for a partner role); tokens already issued keep the old roles until
   * they expire, as with a disable. The last active administrator cannot lose the admin role.
   */
  changeRoles(id: string, change: PartnerBinding): Promise<User> {
    const errors = partnerBindingErrors(change);
    if (errors.length > 0) throw new InvalidInputError(errors);
    return this.dataSource.transaction(async (tx) => {
      const dropsAdmin = !change.roles.includes(Roles.admin);
      const lastAdmin = dropsAdmin && !(await this.users.otherActiveAdminExists(tx, id));
      const binding = {
        roles: [...new Set(change.roles)],
        partnerId: change.partnerId ?? null,
        partnerKind: change.partnerKind ?? null,
      };
      const before = await this.users.findById(tx, id);
      if (!before) throw new NotFoundError('user', id);
      if (lastAdmin && before.active && before.roles.includes(Roles.admin))
        throw new ConflictError('This is the last active administrator; make another one admin first');
      const user = (await this.users.setRoles(tx, id, binding)) as User;
      await this.audit.record(tx, {
        action: IdentityAuditActions.userRolesChanged,
        entityType: 'user',
        entityId: id,
      });
      return user;
    });
  }

  /** The active user these credentials belong to, or null; unknown names take as long as wrong passwords. */
  async authenticate(username: string, password: string): Promise<User | null> {
    const found = await this.users.findByUsername(username);
    const matches = await this.hasher.matches(password, found?.passwordHash ?? null);
    return matches && found!.user.active ? found!.user : null;
  }

  /**
   * A disabled user gets no new token; tokens already issued stay valid until they expire, so at
   * most IDENTITY_TOKEN_TTL_SECONDS (the token lifetime is the revocation mechanism).
   */
  setActive(id: string, active: boolean): Promise<User> {
    return this.dataSource.transaction(async (tx) => {
      // Disabling the last administrator would leave no one to enable anyone again.
      const lastAdmin = !active && !(await this.users.otherActiveAdminExists(tx, id));
      const user = await this.users.setActive(tx, id, active);
      if (!user) throw new NotFoundError('user', id);
      if (lastAdmin && user.roles.includes(Roles.admin))
        throw new ConflictError('This is the last active administrator; enable or create another first');
      const action = active ? IdentityAuditActions.userEnabled : IdentityAuditActions.userDisabled;
      await this.audit.record(tx, { action, entityType: 'user', entityId: id });
      return user;
    });
  }

  /** An administrator sets a new password; the old one stops working at once. */
  async resetPassword(id: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.users.setPasswordHash(tx, id, passwordHash))) throw new NotFoundError('user', id);
      await this.audit.record(tx, {
        action: IdentityAuditActions.userPasswordReset,
        entityType: 'user',
        entityId: id,
      });
    });
  }

  activeAdminExists(): Promise<boolean> {
    return this.users.activeAdminExists();
  }

  private newUser(input: NewUser): User {
    const errors = partnerBindingErrors(input);
    if (errors.length > 0) throw new InvalidInputError(errors);
    return {
      id: this.ids.next(),
      username: input.username,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      partnerId: input.partnerId ?? null,
      partnerKind: input.partnerKind ?? null,
      active: true,
      createdAt: this.clock.now().toISOString(),
    };
  }
}
