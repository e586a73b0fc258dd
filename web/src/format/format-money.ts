const amountFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** "12,500.5": a deal amount in major units; the workspace has one currency, so no symbol. */
export function formatAmount(amount: number): string {
  return amountFormat.format(amount);
}

/** An event's `amountCents` in major units (the API stores cents so sums stay exact). */
export function amountOfCents(cents: number): number {
  return cents / 100;
}

/** A typed amount: a positive number with at most 2 decimals, thousands separated by commas or spaces if at all; else null. */
export function parseAmount(text: string): number | null {
  const plain = text.trim().replace(/[\s,]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  const amount = Number(plain);
  return amount > 0 ? amount : null;
}
