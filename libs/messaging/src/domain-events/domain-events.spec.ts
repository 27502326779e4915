import { EntityManager } from 'typeorm';
import { DomainEvents } from './domain-events';

interface DoorEvents {
  'door.opened': { doorId: string };
  'door.closed': { doorId: string; by: string };
}

describe(DomainEvents.name, () => {
  const tx = {} as EntityManager;

  it('hands each event and the raising transaction to its handlers, in registration order', async () => {
    const events = new DomainEvents<DoorEvents>();
    const seen: string[] = [];
    events.on('door.opened', (event, given) => {
      expect(given).toBe(tx);
      seen.push(`first ${event.doorId}`);
    });
    events.on('door.opened', async (event) => {
      seen.push(`second ${event.doorId}`);
    });
    events.on('door.closed', (event) => void seen.push(`closed by ${event.by}`));
    await events.raise(tx, 'door.opened', { doorId: 'd1' });
    expect(seen).toEqual(['first d1', 'second d1']);
  });

  it('handles an event raised by a handler after the current event, in the order they happened', async () => {
    const events = new DomainEvents<DoorEvents>();
    const seen: string[] = [];
    events.on('door.opened', async (event, given) => {
      await events.raise(given, 'door.closed', { doorId: event.doorId, by: 'wind' });
      seen.push('opened: first');
    });
    events.on('door.opened', () => void seen.push('opened: second'));
    events.on('door.closed', (event) => void seen.push(`closed by ${event.by}`));
    await events.raise(tx, 'door.opened', { doorId: 'd1' });
    expect(seen).toEqual(['opened: first', 'opened: second', 'closed by wind']);
  });

  it('fails the outer raise when an event raised by a handler fails, and leaves no queue behind', async () => {
    const events = new DomainEvents<DoorEvents>();
    events.on('door.opened', (event, given) =>
      events.raise(given, 'door.closed', { doorId: event.doorId, by: 'x' }),
    );
    events.on('door.closed', () => Promise.reject(new Error('jammed')));
    await expect(events.raise(tx, 'door.opened', { doorId: 'd1' })).rejects.toThrow('jammed');
    await expect(events.raise(tx, 'door.opened', { doorId: 'd2' })).rejects.toThrow('jammed');
  });

  it('raises an event nobody handles without complaint', async () => {
    await expect(
      new DomainEvents<DoorEvents>().raise(tx, 'door.closed', { doorId: 'd1', by: 'x' }),
    ).resolves.toBeUndefined();
  });

  it('fails the raise, and skips later handlers, when a handler fails', async () => {
    const events = new DomainEvents<DoorEvents>();
    const later = jest.fn();
    events.on('door.opened', () => Promise.reject(new Error('outbox full')));
    events.on('door.opened', later);
    await expect(events.raise(tx, 'door.opened', { doorId: 'd1' })).rejects.toThrow('outbox full');
    expect(later).not.toHaveBeenCalled();
  });
});
