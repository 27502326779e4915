import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { moneySchema } from './sales.schemas';

/** One product of an order, with the names analytics and campaigns show; amounts in the order's currency. */
export const orderItemSchema = z.object({
  trimId: z.uuid(),
  trimName: z.string(),
  modelId: z.uuid(),
  modelName: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: z.number().nonnegative(),
  discount: z.number().nonnegative(),
  lineTotal: z.number().nonnegative(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const OrderPlaced = defineEvent({
  type: 'order.placed',
  version: 1,
  aggregateType: 'order',
  description:
    'A customer ordered, from an accepted quote or a won opportunity: who bought what through which dealer, owned by which rep, for how much.',
  payload: z.object({
    orderId: z.uuid(),
    number: z.string(),
    opportunityId: z.uuid(),
    quoteId: z.uuid().nullable(),
    customerId: z.uuid().nullable(),
    dealerId: z.uuid().nullable(),
    ownerId: z.string(),
    items: z.array(orderItemSchema).min(1),
    total: moneySchema,
    placedAt: z.iso.datetime(),
  }),
});

export const ORDER_EVENTS = [OrderPlaced] as const;
