import { invalidField } from "../errors.js";

/** The largest deal amount accepted, major units: ten billion, far above any real deal, well inside safe integers as cents. */
export const MAX_DEAL_AMOUNT = 10_000_000_000;

/**
 * A deal amount from the API (major currency units, at most 2 decimals, above 0) as integer
 * cents. Throws `invalid` naming `field` otherwise. Decimals are checked on the number as
 * written (12500.5 round-trips through two decimals; 0.005 does not), not on amount × 100,
 * which binary fractions blur: 0.07 × 100 is 7.000000000000001.
 */
export function centsOfAmount(amount: number, field: string): number {
  if (!Number.isFinite(amount) || amount <= 0) throw invalidField(field, "must be an amount above 0");
  if (amount > MAX_DEAL_AMOUNT) throw invalidField(field, `must be at most ${MAX_DEAL_AMOUNT}`);
  if (Number(amount.toFixed(2)) !== amount) throw invalidField(field, "must have at most 2 decimals");
  return Math.round(amount * 100);
}

/** Integer cents as the API's major-unit amount. */
export function amountOfCents(cents: number): number {
  return cents / 100;
}

/** `amountOfCents`, keeping null (no amount recorded). */
export function amountOrNull(cents: number | null): number | null {
  return cents === null ? null : amountOfCents(cents);
}
