import { SelectField } from '~/components/select-field';
import {
  isPaymentMethod,
  type PaymentMethod,
  paymentMethodLabels,
  paymentMethods,
} from '~/lib/work-order-words';

const methodOptions = paymentMethods.map((method) => ({
  value: method,
  label: paymentMethodLabels[method],
}));

/** How money was paid or given back: cash, card, bank transfer or other. */
export function MethodSelect({
  label,
  name,
  value,
  onChange,
  error,
}: {
  label: string;
  name: string;
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
  error?: string | undefined;
}) {
  return (
    <SelectField
      label={label}
      name={name}
      value={value}
      options={methodOptions}
      onChange={(chosen) => {
        if (isPaymentMethod(chosen)) onChange(chosen);
      }}
      error={error}
    />
  );
}
