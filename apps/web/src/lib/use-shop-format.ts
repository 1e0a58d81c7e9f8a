'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '~/trpc/react';
import { formatDate, formatDateTime, formatMoney, minorUnitsToDecimal } from './format';

/** The shop's formatters, bound to its currency and time zone. */
export interface ShopFormat {
  currency: string;
  timeZone: string;
  money: (cents: number) => string;
  dateTime: (date: Date) => string;
  date: (date: Date) => string;
}

/**
 * Money in the shop's currency and times on the shop's clock, from settings.shop (what every
 * signed-in role may read; the staff, admin and portal layouts prefetch it). Until it has loaded, or if it fails, amounts show without a
 * currency and times say they are UTC, so nothing is shown in a zone it is not in.
 */
export function useShopFormat(): ShopFormat {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.shop.queryOptions());
  const currency = settings.data?.currency;
  const timeZone = settings.data?.timeZone;
  return useMemo(() => {
    if (currency === undefined || timeZone === undefined) {
      return {
        currency: 'USD',
        timeZone: 'UTC',
        money: (cents) => minorUnitsToDecimal(cents, 'USD'),
        dateTime: (date) => `${formatDateTime(date, 'UTC')} UTC`,
        date: (date) => `${formatDate(date, 'UTC')} UTC`,
      };
    }
    return {
      currency,
      timeZone,
      money: (cents) => formatMoney(cents, currency),
      dateTime: (date) => formatDateTime(date, timeZone),
      date: (date) => formatDate(date, timeZone),
    };
  }, [currency, timeZone]);
}
