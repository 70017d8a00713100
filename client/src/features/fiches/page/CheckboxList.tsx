import { type ReactNode, useId } from 'react';

interface CheckboxListProps<T extends string | number> {
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly { value: T; label: ReactNode }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  error?: string | undefined;
  /** Lays the boxes out in columns, for long lists (communes, domains, SDGs). */
  columns?: boolean;
  className?: string;
}

/** Several boxes under one legend; the selection keeps the options' order. */
export function CheckboxList<T extends string | number>({
  legend,
  hint,
  options,
  selected,
  onChange,
  error,
  columns = false,
  className,
}: CheckboxListProps<T>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const toggle = (value: T, checked: boolean) =>
    onChange(
      options
        .map((option) => option.value)
        .filter((item) => (item === value ? checked : selected.includes(item))),
    );
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--error' : '', className ?? '']
        .join(' ')
        .trim()}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className={columns ? 'checkboxes checkboxes--columns' : 'checkboxes'}>
        {options.map((option) => (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
