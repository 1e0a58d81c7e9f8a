'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';

/** The shop the customer deals with: its name, address and phone, to call or to find it. */
export function ShopContact() {
  const trpc = useTRPC();
  const shop = useQuery(trpc.settings.shop.queryOptions());
  // The layout prefetched it; without it the portal still works, so nothing shows.
  if (!shop.data) return null;
  const { name, address, phone } = shop.data;
  return (
    <section className="card shop-contact" aria-labelledby="shop-title">
      <h2 id="shop-title">{name}</h2>
      <dl className="details compact">
        {address ? (
          <>
            <dt>Address</dt>
            <dd className="pre-line">{address}</dd>
          </>
        ) : null}
        {phone ? (
          <>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`}>{phone}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
