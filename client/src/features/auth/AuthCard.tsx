import type { ReactNode } from 'react';

interface AuthCardProps {
  title: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The narrow, centred panel every sign-in and account-recovery screen shares. */
export function AuthCard({ title, intro, children, footer }: AuthCardProps) {
  return (
    <section className="auth">
      <div className="auth__card">
        <h1 className="auth__title">{title}</h1>
        {intro && <div className="auth__intro">{intro}</div>}
        {children}
      </div>
      {footer && <div className="auth__footer">{footer}</div>}
    </section>
  );
}
