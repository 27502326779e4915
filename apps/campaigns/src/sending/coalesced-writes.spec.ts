import { CoalescedWrites } from './coalesced-writes';

describe(CoalescedWrites.name, () => {
  it('writes the items of one tick in one call', async () => {
    const calls: number[][] = [];
    const writes = new CoalescedWrites<number>(async (items) => void calls.push(items));
    await Promise.all([1, 2, 3].map((item) => writes.write(item)));
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('gathers the items that arrive during a write into the next call', async () => {
    const calls: number[][] = [];
    let release = () => {};
    const writes = new CoalescedWrites<number>(async (items) => {
      calls.push(items);
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = writes.write(1);
    await Promise.resolve();
    const later = [writes.write(2), writes.write(3)];
    release();
    await Promise.all([first, ...later]);
    expect(calls).toEqual([[1], [2, 3]]);
  });

  it('fails every item of a failed call and goes on with the next ones', async () => {
    const writes = new CoalescedWrites<number>(async (items) => {
      if (items.includes(1)) throw new Error('database down');
    });
    const failed = [writes.write(1), writes.write(2)];
    await expect(Promise.all(failed)).rejects.toThrow('database down');
    await expect(failed[1]).rejects.toThrow('database down');
    await expect(writes.write(3)).resolves.toBeUndefined();
  });
});
