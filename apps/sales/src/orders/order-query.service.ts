import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { NotFoundError } from '@crm/core';
import { scopeOf } from '../hierarchy/sales-scope';
import { Order } from './order';
import { OrderFilter, OrderRepository } from './order.repository';

/** Orders within the caller's scope; another branch's or dealer's order is not found. */
@Injectable()
export class OrderQueryService {
  constructor(private readonly orders: OrderRepository) {}

  async get(principal: Principal, id: string): Promise<Order> {
    const order = await this.orders.find(scopeOf(principal), id);
    if (!order) throw new NotFoundError('order', id);
    return order;
  }

  list(principal: Principal, filter: OrderFilter): Promise<Order[]> {
    return this.orders.list(scopeOf(principal), filter);
  }
}
