import { useFormat } from '../../i18n/format';

/** A change of amount with its sign always written: "+1 200,00 €", "−300,00 €", "0,00 €". */
export function useSignedEuros() {
  const format = useFormat();
  return (cents: number) => {
    if (cents === 0) return format.euros(0);
    return `${cents > 0 ? '+' : '−'}${format.euros(Math.abs(cents))}`;
  };
}
