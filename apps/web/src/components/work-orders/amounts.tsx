import { Fragment } from 'react';

/** One amount of a list of them: its name, the cents (null: too large to show) and its weight. */
export interface Amount {
  term: string;
  cents: number | null;
  /** The one that matters most (the total, the balance due): in bold. */
  strong?: boolean;
}

/**
 * Amounts under one name ("Totals", "Balance"), each beside what it is, written by `money`;
 * an entry that is `false` is left out.
 */
export function Amounts({
  label,
  money,
  amounts,
}: {
  label: string;
  money: (cents: number | null) => string;
  amounts: readonly (Amount | false)[];
}) {
  return (
    <dl className="details totals" aria-label={label}>
      {amounts.map((amount) =>
        amount === false ? null : (
          <Fragment key={amount.term}>
            <dt>{amount.term}</dt>
            <dd className="num">
              {amount.strong ? <strong>{money(amount.cents)}</strong> : money(amount.cents)}
            </dd>
          </Fragment>
        ),
      )}
    </dl>
  );
}

/** A work order's subtotal, tax and total (in bold): the server's, of the lines not declined. */
export function totalsOf(totals: {
  subtotalCents: number | null;
  taxCents: number | null;
  totalCents: number | null;
}): Amount[] {
  return [
    { term: 'Subtotal', cents: totals.subtotalCents },
    { term: 'Tax', cents: totals.taxCents },
    { term: 'Total', cents: totals.totalCents, strong: true },
  ];
}
