// The seed's own copy of the pricing rule (it cannot import the API's rules): per line,
// net = round(quantity x unit price) and tax = round(net x rate / 10,000), halves up. Seeded
// quantities are hundredths and prices positive, so every step is exact integer arithmetic.

export type SeedLine = { quantityHundredths: number; unitPriceCents: number; taxRateBps: number };

function roundedDivision(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The total (net plus tax) of the given lines, in cents. */
export function totalCents(lines: ReadonlyArray<SeedLine>): number {
  let total = 0;
  for (const line of lines) {
    const net = roundedDivision(line.quantityHundredths * line.unitPriceCents, 100);
    total += net + roundedDivision(net * line.taxRateBps, 10_000);
  }
  return total;
}
