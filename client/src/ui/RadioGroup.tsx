import { type ReactNode, useId } from 'react';
import type { Option } from './Field';

interface RadioGroupProps<T extends string> {
  legend: ReactNode;
  hint?: ReactNode;
  value: T | '';
  onChange: (value: T) => void;
  options: readonly Option<T>[];
  error?: string | undefined;
}

export function RadioGroup<T extends string>({
  legend,
  hint,
  value,
  onChange,
  options,
  error,
}: RadioGroupProps<T>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`field fieldset${error ? ' field--error' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="radios">
        {options.map((option, index) => (
          <div className="radio" key={option.value}>
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={error && index === 0 ? true : undefined}
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
