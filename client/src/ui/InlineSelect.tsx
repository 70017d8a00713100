import type { Option } from './Field';

interface InlineSelectProps<T extends string> {
  /** Accessible name: the column header alone does not say whose value this is. */
  label: string;
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
}

/** A compact select inside a table cell, saved as soon as it changes. */
export function InlineSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: InlineSelectProps<T>) {
  return (
    <select
      className="input input--select input--inline"
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as T)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
