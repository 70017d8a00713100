import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info';

interface AlertProps {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
}

/** A message block; errors use `role="alert"` so they are announced as soon as they appear. */
export function Alert({ tone = 'info', title, children }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}

/**
 * A live region that is always in the page, so screen readers announce the form's error when it is
 * filled in (a region inserted together with its text is often missed).
 */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div aria-live="assertive" aria-atomic="true" className="form-alert-region">
      {message && (
        <div className="alert alert--error">
          <p className="alert__title">{message}</p>
        </div>
      )}
    </div>
  );
}

/** Polite announcements of what just happened (“Rôle modifié”), visible as a discreet notice. */
export function LiveStatus({ message }: { message: string | null }) {
  return (
    <p className="live-status" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
