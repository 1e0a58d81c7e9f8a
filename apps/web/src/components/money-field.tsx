import { formatMoney, type MoneyFormat, parseMoney } from '@garage/validators';
import { TextField, type TextFieldProps } from './text-field';

/**
 * A money input in the shop's currency and locale that shows, as the user types, the amount it
 * reads ("= 1.234,00 €" for "1.234" in de-DE), so what is saved is never a surprise.
 */
export function MoneyField({
  money,
  ...field
}: Omit<TextFieldProps, 'reading' | 'inputMode' | 'type' | 'multiline'> & { money: MoneyFormat }) {
  const read = parseMoney(field.value, money);
  const reading = 'value' in read ? `= ${formatMoney(read.value, money)}` : '';
  return <TextField {...field} inputMode="decimal" reading={reading} />;
}
