'use client';

import { formatMoney, type MoneyFormat, minorUnitsToDecimal } from '@garage/validators';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '~/trpc/react';
import { formatDate, formatDateTime } from './format';

/** The shop's formatters, bound to its currency, locale and time zone. */
export interface ShopFormat {
  currency: string;
  /** How money and numbers are written and read (BCP 47, e.g. "de-DE"). */
  locale: string;
  /** The currency and locale together, for parseMoney and MoneyField. */
  moneyFormat: MoneyFormat;
  timeZone: string;
  money: (cents: number) => string;
  dateTime: (date: Date) => string;
  date: (date: Date) => string;
}

/**
 * Money in the shop's currency and locale and times on the shop's clock, from settings.shop (what
 * every signed-in role may read; the staff, admin and portal layouts prefetch it, so the server's
 * render and the browser print the same text). Until it has loaded, or if it fails, amounts show
 * without a currency and times say they are UTC, so nothing is shown in a zone it is not in.
 */
export function useShopFormat(): ShopFormat {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.shop.queryOptions());
  const currency = settings.data?.currency;
  const locale = settings.data?.locale;
  const timeZone = settings.data?.timeZone;
  return useMemo(() => {
    if (currency === undefined || locale === undefined || timeZone === undefined) {
      return {
        currency: 'USD',
        locale: 'en-US',
        moneyFormat: { currency: 'USD', locale: 'en-US' },
        timeZone: 'UTC',
        money: (cents) => minorUnitsToDecimal(cents, 'USD'),
        dateTime: (date) => `${formatDateTime(date, 'UTC')} UTC`,
        date: (date) => `${formatDate(date, 'UTC')} UTC`,
      };
    }
    const moneyFormat = { currency, locale };
    return {
      currency,
      locale,
      moneyFormat,
      timeZone,
      money: (cents) => formatMoney(cents, moneyFormat),
      dateTime: (date) => formatDateTime(date, timeZone),
      date: (date) => formatDate(date, timeZone),
    };
  }, [currency, locale, timeZone]);
}
