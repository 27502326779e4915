import { ALL_QUALITY_TYPES, QualityType } from '@crm/contracts';
import { BenchCustomer } from './agent-data';

/** What a caller gives the agent and what the call turns out to be about. */
export interface CallScript {
  customer: BenchCustomer;
  /** What the agent has typed into the lookup box as each request goes out (as-you-type, debounced). */
  typed: string[];
  /** The caller's number: asked for when the name alone does not bring them up. */
  phoneFallback: string;
  complaint: QualityType | null;
}

const PHONE_SHARE = 0.55;
const COMPLAINT_SHARE = 0.2;

/** 2 or 3 ever longer prefixes ending in the whole text: a Chinese name by characters, the rest by letters. */
function asTyped(text: string, random: () => number): string[] {
  const chars = [...text];
  const shortest = /[\u4e00-\u9fff]/.test(text) ? 1 : Math.min(/^\d+$/.test(text) ? 4 : 3, chars.length);
  const requests = chars.length - shortest >= 2 && random() < 0.5 ? 3 : 2;
  const cuts = Array.from({ length: requests - 1 }, (_, k) =>
    Math.round(shortest + ((chars.length - shortest) * k) / (requests - 1)),
  );
  return [...new Set([...cuts.map((cut) => chars.slice(0, Math.max(1, cut)).join('').trim()), text])];
}

/** A call from a random customer, looked up by phone or by name (a Chinese one now and then in pinyin). */
export function callScript(customers: BenchCustomer[], random: () => number): CallScript {
  const customer = customers[Math.floor(random() * customers.length)];
  const byPhone = random() < PHONE_SHARE;
  const name = customer.chinese && random() < 0.3 ? customer.nameLatin : customer.name;
  return {
    customer,
    typed: asTyped(byPhone ? customer.phone : name, random),
    phoneFallback: customer.phone,
    complaint:
      random() < COMPLAINT_SHARE ? ALL_QUALITY_TYPES[Math.floor(random() * ALL_QUALITY_TYPES.length)] : null,
  };
}
