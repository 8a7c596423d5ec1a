import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../components/PageHeader.tsx';

/** The centred card both auth pages sit in, with a short pitch beside it on wide screens. */
export function AuthCard({
  title,
  lead,
  children,
  footer,
}: {
  title: string;
  lead: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <section className="auth">
      <div className="auth__pitch" aria-hidden="true">
        <p className="auth__quote">“Tell me about a time you disagreed with a teammate.”</p>
        <ul className="auth__points">
          <li>Questions tailored to the job you want</li>
          <li>A score and concrete feedback on every answer</li>
          <li>Track your progress over time</li>
        </ul>
      </div>
      <div className="card auth__card">
        <h1>{title}</h1>
        <p className="muted">{lead}</p>
        {children}
        <div className="auth__footer">{footer}</div>
      </div>
    </section>
  );
}
