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
import { useState } from 'react';
import { FormError } from '~/components/form-error';
import { MoneyField } from '~/components/money-field';
import { Loaded } from '~/components/query-state';
import { SelectField } from '~/components/select-field';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { parseTaxRateInput, taxRateToInput } from '~/lib/amount-input';
import type { FieldErrors } from '~/lib/field-errors';
import { formatDateTime } from '~/lib/format';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useTRPC } from '~/trpc/react';

type Settings = RouterOutputs['settings']['get'];

/** Loads the shop's settings (prefetched by the admin layout), then the form. */
export function ShopSettings() {
  const trpc = useTRPC();
  const query = useQuery(trpc.settings.get.queryOptions());
  return (
    <Loaded query={query} what="settings">
      {(settings) => <SettingsForm settings={settings} />}
    </Loaded>
  );
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
  const [saved, setSaved] = useState(false);
  const update = useMutation(trpc.settings.update.mutationOptions());
  const form = useFormMutation(update, {
    initial: {
      name: settings.name,
      address: settings.address,
      phone: settings.phone,
      laborRate: moneyInputText(settings.defaultLaborRateCents, settings),
      taxRate: taxRateToInput(settings.defaultTaxRateBps, settings.locale),
      currency: settings.currency,
      locale: settings.locale,
      timeZone: settings.timeZone,
    },
    fields: settingsFields,
  });
  const { laborRate, taxRate, currency, locale, timeZone, ...shop } = form.draft;
  // The labour rate is typed in the currency and locale being saved: they set its marks and
  // decimals (the shop's own until the typed currency is one).
  const money = moneyFormatOf(currency, locale) ?? { currency: settings.currency, locale };
  const sample = sampleOf(moneyFormatOf(currency, locale), timeZone);

  /** A new locale rewrites the rates typed so far in its own marks ("120.00" becomes "120,00"). */
  function changeLocale(next: string) {
    const labor = parseMoney(laborRate, money);
    const tax = parseTaxRateInput(taxRate, locale);
    form.setDraft((current) => ({
      ...current,
      ...('value' in labor
        ? { laborRate: moneyInputText(labor.value, { ...money, locale: next }) }
        : {}),
      ...('value' in tax ? { taxRate: taxRateToInput(tax.value, next) } : {}),
      locale: next,
    }));
  }

  function submit() {
    setSaved(false);
    const labor = parseMoney(laborRate, money);
    const tax = parseTaxRateInput(taxRate, locale);
    const unread: FieldErrors = {};
    if ('problem' in labor) unread.defaultLaborRateCents = labor.problem;
    if ('problem' in tax) unread.defaultTaxRateBps = tax.problem;
    const input = {
      ...shop,
      defaultLaborRateCents: 'value' in labor ? labor.value : undefined,
      defaultTaxRateBps: 'value' in tax ? tax.value : undefined,
      currency,
      locale,
      timeZone,
    };
    form.send(update.mutate, settingsInput, input, { unread, saved: () => setSaved(true) });
  }

  return (
    <form onSubmit={form.onSubmit(submit)} className="card form" noValidate>
      <FormError>{form.formError}</FormError>
      <TextField label="Shop name" name="name" {...form.field('name')} required />
      <TextField label="Address" name="address" multiline {...form.field('address')} />
      <TextField label="Phone" name="phone" type="tel" {...form.field('phone')} />
      <MoneyField
        label="Default labour rate"
        name="defaultLaborRate"
        money={money}
        {...form.field('laborRate', 'defaultLaborRateCents')}
        hint="Per hour; new labour lines start at it"
        required
      />
      <TextField
        label="Default tax rate"
        name="defaultTaxRate"
        inputMode="decimal"
        {...form.field('taxRate', 'defaultTaxRateBps')}
        hint={`Per cent, e.g. ${taxRateToInput(825, locale)}; new lines start at it`}
        required
      />
      <TextField
        label="Currency"
        name="currency"
        {...form.field('currency')}
        hint="ISO 4217 code, e.g. USD, EUR, GBP"
        autoComplete="off"
        required
      />
      <SelectField
        label="Locale"
        name="locale"
        options={localeOptions}
        {...form.field('locale')}
        onChange={changeLocale}
        hint="How amounts and numbers are written and read, e.g. 1.234,50 in de-DE"
      />
      <TextField
        label="Time zone"
        name="timeZone"
        {...form.field('timeZone')}
        hint="IANA name, e.g. America/Chicago; every time on the staff screens is shown in it"
        autoComplete="off"
        required
      />
      <p className="muted" aria-live="polite">
        {sample ? `Shown as: ${sample}` : 'Not a currency and time zone we can show yet.'}
      </p>
      <div className="actions">
        <SubmitButton busy={form.busy}>Save settings</SubmitButton>
      </div>
      <p role="status">{saved && !form.busy ? 'Saved.' : null}</p>
    </form>
  );
}
