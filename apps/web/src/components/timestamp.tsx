'use client';

import { useShopFormat } from '~/lib/use-shop-format';

/** A moment on the shop's clock, with the exact instant for machines (and a hover title). */
export function Timestamp({ at, dateOnly = false }: { at: Date; dateOnly?: boolean }) {
  const format = useShopFormat();
  const text = dateOnly ? format.date(at) : format.dateTime(at);
  return (
    <time dateTime={at.toISOString()} title={`${text} (${format.timeZone})`}>
      {text}
    </time>
  );
}

/** A moment when there is one; otherwise what stands for none ("not promised"), muted. */
export function TimestampOr({ at, none }: { at: Date | null; none: string }) {
  return at ? <Timestamp at={at} /> : <span className="muted">{none}</span>;
}
