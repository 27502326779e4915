import { Money } from '@crm/contracts';
import { TrimSummary } from '../catalog/catalog';

/** A product on an opportunity: a trim, how many, at what unit price, less a discount on the line. */
export interface OpportunityLine extends TrimSummary {
  id: string;
  opportunityId: string;
  quantity: number;
  unitPrice: Money;
  /** Off the whole line, in the line's currency. */
  discount: number;
  createdAt: string;
}

const cents = (amount: number) => Math.round(amount * 100);

/** The largest amount the money columns (numeric(14, 2)) hold. */
export const MAX_AMOUNT = 999_999_999_999.99;

/** quantity × unit price − discount, to the cent. */
export function lineTotal(line: Pick<OpportunityLine, 'quantity' | 'unitPrice' | 'discount'>): number {
  return (line.quantity * cents(line.unitPrice.amount) - cents(line.discount)) / 100;
}

/**
 * The opportunity amount while it has line items: the sum of their totals. Null without lines (the
 * amount is then set by hand); lines in different currencies have no sum (the caller refuses them).
 */
export function amountOfLines(lines: OpportunityLine[]): Money | null {
  if (lines.length === 0) return null;
  const currency = lines[0].unitPrice.currency;
  if (lines.some((line) => line.unitPrice.currency !== currency))
    throw new Error('lines in different currencies have no sum');
  return { amount: lines.reduce((sum, line) => sum + cents(lineTotal(line)), 0) / 100, currency };
}
