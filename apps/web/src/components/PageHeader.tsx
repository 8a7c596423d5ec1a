import { type ReactNode, useEffect } from 'react';

/** The page's h1, an optional lead and actions; also sets the document title. */
export function PageHeader({
  title,
  eyebrow,
  lead,
  actions,
}: {
  title: string;
  eyebrow?: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      <div className="page-header__text">
        {eyebrow && <div className="page-header__eyebrow">{eyebrow}</div>}
        <h1>{title}</h1>
        {lead && <p className="page-header__lead">{lead}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · AI Interviewer` : 'AI Interviewer';
  }, [title]);
}
