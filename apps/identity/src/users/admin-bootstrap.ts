import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Roles } from '@crm/contracts';
import { IDENTITY_SETTINGS, IdentitySettings } from '../identity.config';
import { UsersService } from './users.service';

export const BOOTSTRAP_ADMIN_USERNAME = 'admin';

/** A fresh installation needs one administrator to create everyone else. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.settings.bootstrapAdminPassword;
    if (!password || (await this.users.activeAdminExists())) return;
    const user = await this.users.ensureUser({
      username: BOOTSTRAP_ADMIN_USERNAME,
      password,
      displayName: 'Administrator',
      roles: [Roles.admin],
    });
    if (user.active && user.roles.includes(Roles.admin)) {
      this.logger.log(`Created the bootstrap administrator "${BOOTSTRAP_ADMIN_USERNAME}"`);
    } else {
      this.logger.warn(
        `User "${BOOTSTRAP_ADMIN_USERNAME}" exists but is no active admin; no administrator was created`,
      );
    }
  }
}
