import { createHash } from 'node:crypto';

/** One customer in five is held out, chosen by a hash of their id: the same on every training, all their rows alike. */
const HELD_OUT_ONE_IN = 5;

export function isHeldOut(customerId: string): boolean {
  const hash = createHash('md5').update(customerId).digest();
  return hash.readUInt32BE(0) % HELD_OUT_ONE_IN === 0;
}

export function splitHeldOut<T extends { customerId: string }>(rows: T[]): { train: T[]; heldOut: T[] } {
  return {
    train: rows.filter((row) => !isHeldOut(row.customerId)),
    heldOut: rows.filter((row) => isHeldOut(row.customerId)),
  };
}
