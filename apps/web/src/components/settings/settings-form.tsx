'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Failed, Loading } from '~/components/query-state';
import { TextField } from '~/components/text-field';
import {
  moneyToInput,
  parseMoneyInput,
  parseTaxRateInput,
  taxRateToInput,
} from '~/lib/amount-input';
import { type FieldErrors, fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { formatDateTime, formatMoney, minorUnitDigits } from '~/lib/format';
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

/** The typed currency code, upper case, when Intl can format it; null otherwise. */
function currencyCode(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  try {
    minorUnitDigits(code);
    return code;
  } catch {
    return null;
  }
}

/** How a currency and zone print a sample amount and moment, or null while they are not valid. */
function sampleOf(currency: string, timeZone: string): string | null {
  try {
    const moment = new Date('2025-03-01T17:30:00Z');
    const code = currencyCode(currency);
    if (code === null) return null;
    return `${formatMoney(123_456, code)} · ${formatDateTime(moment, timeZone.trim())} for 17:30 UTC`;
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
  const queryClient = useQueryClient();
  const [name, setName] = useState(settings.name);
  const [address, setAddress] = useState(settings.address);
  const [phone, setPhone] = useState(settings.phone);
  const [laborRate, setLaborRate] = useState(
    moneyToInput(settings.defaultLaborRateCents, settings.currency),
  );
  const [taxRate, setTaxRate] = useState(taxRateToInput(settings.defaultTaxRateBps));
  const [currency, setCurrency] = useState(settings.currency);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [local, setLocal] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async () => {
        // Every amount and time is formatted with these: settings.get and settings.shop both.
        await queryClient.invalidateQueries(trpc.settings.pathFilter());
        setSaved(true);
      },
    }),
  );
  const fields = { ...fieldErrorsFrom(update.error), ...local };
  const formError =
    Object.keys(local).length > 0
      ? 'Please fix the highlighted fields.'
      : formErrorFrom(update.error, fields, [
          'name',
          'address',
          'phone',
          'defaultLaborRateCents',
          'defaultTaxRateBps',
          'currency',
          'timeZone',
        ]);
  const sample = sampleOf(currency, timeZone);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    // The labour rate is read in the currency being saved, which sets its decimals.
    const labor = parseMoneyInput(laborRate, currencyCode(currency) ?? settings.currency);
    const tax = parseTaxRateInput(taxRate);
    if ('problem' in labor || 'problem' in tax) {
      update.reset();
      const problems: FieldErrors = {};
      if ('problem' in labor) problems.defaultLaborRateCents = labor.problem;
      if ('problem' in tax) problems.defaultTaxRateBps = tax.problem;
      setLocal(problems);
      return;
    }
    setLocal({});
    update.mutate({
      name,
      address,
      phone,
      defaultLaborRateCents: labor.value,
      defaultTaxRateBps: tax.value,
      currency,
      timeZone,
    });
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
      <TextField
        label="Default labour rate"
        name="defaultLaborRate"
        inputMode="decimal"
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
        hint="Per cent, e.g. 8.25; new lines start at it"
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
