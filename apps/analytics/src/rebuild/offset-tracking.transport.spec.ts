import { InProcessTransport, TransportMessage } from '@crm/messaging';
import { OffsetTrackingTransport } from './offset-tracking.transport';

/** The in-process transport has no offsets: these messages carry the ones a Kafka partition would. */
const at = (offset: number): TransportMessage => ({
  topic: 'crm.order.v1',
  key: 'k',
  value: '{}',
  headers: {},
  source: { partition: 0, offset: String(offset) },
});

describe(OffsetTrackingTransport.name, () => {
  it('has caught up only when every group reading a topic has handled its partitions to the end', async () => {
    const tracking = new OffsetTrackingTransport(new InProcessTransport());
    let releaseSlow: () => void = () => undefined;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    await tracking.subscribe({ groupId: 'order-facts', topics: ['crm.order.v1'], handle: async () => {} });
    await tracking.subscribe({ groupId: 'market-orders', topics: ['crm.order.v1'], handle: () => slowGate });
    await tracking.publish([at(0), at(1)]);
    const ends = [{ topic: 'crm.order.v1', partition: 0, end: 2 }];

    await new Promise((resolve) => setImmediate(resolve));
    expect(tracking.reached(ends)).toBe(false);
    releaseSlow();
    await tracking.stopConsuming();
    expect(tracking.reached(ends)).toBe(true);
    expect(tracking.reached([{ topic: 'crm.order.v1', partition: 0, end: 3 }])).toBe(false);
    expect(tracking.subscribedGroups()).toEqual(['order-facts', 'market-orders']);
  });
});
