'use client';

import type { RouterOutputs } from '@garage/api';
import {
  formatMoney,
  type MoneyFormat,
  moneyInputText,
  parseMoney,
  settingsInput,
  shopLocales,
} from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MoneyField } from '~/components/money-field';
import { Failed, Loading } from '~/components/query-state';
import { SelectField } from '~/components/select-field';
import { TextField } from '~/components/text-field';
import { parseTaxRateInput, taxRateToInput } from '~/lib/amount-input';
import type { FieldErrors } from '~/lib/field-errors';
import { formatDateTime } from '~/lib/format';
import { useFormCheck } from '~/lib/use-form-check';
import { useTRPC } from '~/trpc/react';

type Settings = RouterOutputs['settings']['get'];

/** Loads the shop's settings (prefetched by the admin layout), then the form. */
export function ShopSettings() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  if (settings.isPending) return <Loading what="settings" />;
  if (settings.isError) return <Failed error={settings.error} retry={() => settings.refetch()} />;
  return <SettingsForm settings={settings.data} />;
}

/** The settings' fields, by the API's names: the form has an input for each. */
const settingsFields = [
  'name',
  'address',
  'phone',
  'defaultLaborRateCents',
  'defaultTaxRateBps',
  'currency',
  'locale',
  'timeZone',
];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The locales a shop may choose, by their English names: "German (Switzerland) · de-CH". */
const localeOptions = shopLocales.map((locale) => ({
  value: locale,
  label: `${languageNames.of(locale) ?? locale} · ${locale}`,
}));

/** The typed currency with the chosen locale, when Intl can format it; null otherwise. */
function moneyFormatOf(currency: string, locale: string): MoneyFormat | null {
  const money = { currency: currency.trim().toUpperCase(), locale };
  try {
    formatMoney(0, money);
    return money;
  } catch {
    return null;
  }
}

/** How a currency, locale and zone print a sample amount and moment, or null while not valid. */
function sampleOf(money: MoneyFormat | null, timeZone: string): string | null {
  if (money === null) return null;
  try {
    const moment = new Date('2025-03-01T17:30:00Z');
    return `${formatMoney(123_456, money)} · ${formatDateTime(moment, timeZone.trim())} for 17:30 UTC`;
  } catch {
    return null;
  }
}

/**
 * The shop's name, address, phone, default labour and tax rates, currency and time zone. The
 * rates are typed as money and per cent and sent as cents and basis points.
 */
function SettingsForm({ settings }: { settings: Settings }) {
  const trpc = useTRPC();
  const [name, setName] = useState(settings.name);
  const [address, setAddress] = useState(settings.address);
  const [phone, setPhone] = useState(settings.phone);
  const [laborRate, setLaborRate] = useState(
    moneyInputText(settings.defaultLaborRateCents, settings),
  );
  const [taxRate, setTaxRate] = useState(
    taxRateToInput(settings.defaultTaxRateBps, settings.locale),
  );
  const [currency, setCurrency] = useState(settings.currency);
  const [locale, setLocale] = useState(settings.locale);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: () => setSaved(true),
    }),
  );
  const { fields, formError, check } = useFormCheck(update, settingsFields);
  // The labour rate is typed in the currency and locale being saved: they set its marks and
  // decimals (the shop's own until the typed currency is one).
  const money = moneyFormatOf(currency, locale) ?? { currency: settings.currency, locale };
  const sample = sampleOf(moneyFormatOf(currency, locale), timeZone);

  /** A new locale rewrites the rates typed so far in its own marks ("120.00" becomes "120,00"). */
  function changeLocale(next: string) {
    const labor = parseMoney(laborRate, money);
    const tax = parseTaxRateInput(taxRate, locale);
    if ('value' in labor) setLaborRate(moneyInputText(labor.value, { ...money, locale: next }));
    if ('value' in tax) setTaxRate(taxRateToInput(tax.value, next));
    setLocale(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const labor = parseMoney(laborRate, money);
    const tax = parseTaxRateInput(taxRate, locale);
    const unread: FieldErrors = {};
    if ('problem' in labor) unread.defaultLaborRateCents = labor.problem;
    if ('problem' in tax) unread.defaultTaxRateBps = tax.problem;
    const input = check(
      settingsInput,
      {
        name,
        address,
        phone,
        defaultLaborRateCents: 'value' in labor ? labor.value : undefined,
        defaultTaxRateBps: 'value' in tax ? tax.value : undefined,
        currency,
        locale,
        timeZone,
      },
      unread,
    );
    if (input) update.mutate(input);
  }

  return (
    <form onSubmit={submit} className="card form" noValidate>
      <p role="alert" className="form-error">
        {formError}
      </p>
      <TextField
        label="Shop name"
        name="name"
        value={name}
        onChange={setName}
        error={fields.name}
        required
      />
      <TextField
        label="Address"
        name="address"
        multiline
        value={address}
        onChange={setAddress}
        error={fields.address}
      />
      <TextField
        label="Phone"
        name="phone"
        type="tel"
        value={phone}
        onChange={setPhone}
        error={fields.phone}
      />
      <MoneyField
        label="Default labour rate"
        name="defaultLaborRate"
        money={money}
        value={laborRate}
        onChange={setLaborRate}
        error={fields.defaultLaborRateCents}
        hint="Per hour; new labour lines start at it"
        required
      />
      <TextField
        label="Default tax rate"
        name="defaultTaxRate"
        inputMode="decimal"
        value={taxRate}
        onChange={setTaxRate}
        error={fields.defaultTaxRateBps}
        hint={`Per cent, e.g. ${taxRateToInput(825, locale)}; new lines start at it`}
        required
      />
      <TextField
        label="Currency"
        name="currency"
        value={currency}
        onChange={setCurrency}
        error={fields.currency}
        hint="ISO 4217 code, e.g. USD, EUR, GBP"
        autoComplete="off"
        required
      />
      <SelectField
        label="Locale"
        name="locale"
        value={locale}
        options={localeOptions}
        onChange={changeLocale}
        error={fields.locale}
        hint="How amounts and numbers are written and read, e.g. 1.234,50 in de-DE"
      />
      <TextField
        label="Time zone"
        name="timeZone"
        value={timeZone}
        onChange={setTimeZone}
        error={fields.timeZone}
        hint="IANA name, e.g. America/Chicago; every time on the staff screens is shown in it"
        autoComplete="off"
        required
      />
      <p className="muted" aria-live="polite">
        {sample ? `Shown as: ${sample}` : 'Not a currency and time zone we can show yet.'}
      </p>
      <div className="actions">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
      <p role="status">{saved && !update.isPending ? 'Saved.' : null}</p>
    </form>
  );
}
