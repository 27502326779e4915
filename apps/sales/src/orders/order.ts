import { Money, OrderItem, OrderPlaced, PayloadOf } from '@crm/contracts';

export interface Order {
  id: string;
  number: string;
  opportunityId: string;
  quoteId: string | null;
  customerId: string | null;
  /** The dealer that sold it: the opportunity's partner; null for the manufacturer's own sales team. */
  dealerId: string | null;
  ownerId: string;
  items: OrderItem[];
  total: Money;
  placedBy: string;
  placedAt: string;
}

/** Where an order comes from: an accepted quote, or directly a won opportunity's line items. */
export type OrderSource = { quoteId: string } | { opportunityId: string };

/** What analytics and campaigns learn of an order: all of it but who keyed it in. */
export function orderPlacedPayload(order: Order): PayloadOf<typeof OrderPlaced> {
  return {
    orderId: order.id,
    number: order.number,
    opportunityId: order.opportunityId,
    quoteId: order.quoteId,
    customerId: order.customerId,
    dealerId: order.dealerId,
    ownerId: order.ownerId,
    items: order.items,
    total: order.total,
    placedAt: order.placedAt,
  };
}
