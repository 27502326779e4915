import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { SalesPartnerScopes } from '../partner-scopes';
import { OrderRepository } from './order.repository';

/** A dealer reaches the orders of its own opportunities (the repository checks again). */
@Injectable()
export class OrderPartnerScopeRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly orders: OrderRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      SalesPartnerScopes.order,
      async (dealerId, id) => !isUUID(id) || this.orders.isAssignedToPartner(dealerId, id),
    );
  }
}
