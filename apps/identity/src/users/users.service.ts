import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, IdGenerator, InvalidInputError } from '@crm/core';
import { Page } from '@crm/http';
import { SecretHasher } from '../credentials/secret-hasher';
import { partnerBindingErrors } from './partner-binding';
import { NewUser, User } from './user';
import { UserRepository } from './user.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: SecretHasher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async register(input: NewUser): Promise<User> {
    const user = this.newUser(input);
    const inserted = await this.users.insert(user, await this.hasher.hash(input.password));
    if (!inserted) throw new ConflictError(`The username ${input.username} is taken`, { field: 'username' });
    return user;
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

  async list(limit: number, offset: number): Promise<Page<User>> {
    return { items: await this.users.list(limit, offset), limit, offset };
  }

  /** The active user these credentials belong to, or null; unknown names take as long as wrong passwords. */
  async authenticate(username: string, password: string): Promise<User | null> {
    const found = await this.users.findByUsername(username);
    const matches = await this.hasher.matches(password, found?.passwordHash ?? null);
    return matches && found!.user.active ? found!.user : null;
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
