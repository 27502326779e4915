import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { SalesPartnerScopes } from '../partner-scopes';
import { SalesNotificationRepository } from './sales-notification.repository';

/** Tells the shared auth guard which notifications a dealer may reach: those about its records (the inbox checks the recipient too). */
@Injectable()
export class NotificationPartnerScopeRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly notifications: SalesNotificationRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      SalesPartnerScopes.notification,
      async (dealerId, id) => !isUUID(id) || this.notifications.isAssignedToPartner(dealerId, id),
    );
  }
}
