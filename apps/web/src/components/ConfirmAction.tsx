import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Spinner } from './Spinner.tsx';

/**
 * A button that asks first, inline (no browser dialog): "End interview?" [Yes, end] [Keep going].
 * Keyboard friendly: focus moves to the confirm button and Escape backs out.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  busy = false,
  tone = 'danger',
  size,
  disabled,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  busy?: boolean;
  tone?: 'danger' | 'primary';
  size?: 'sm';
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const sizeClass = size ? ` btn--${size}` : '';

  if (!asking) {
    return (
      <button
        ref={triggerRef}
        type="button"
        className={`btn btn--ghost${tone === 'danger' ? ' btn--ghost-danger' : ''}${sizeClass}`}
        onClick={() => setAsking(true)}
        disabled={disabled || busy}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset
      className="confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <legend className="confirm__question">{question}</legend>
      <button
        ref={confirmRef}
        type="button"
        className={`btn btn--${tone}${sizeClass}`}
        onClick={onConfirm}
        disabled={busy}
      >
        {busy && <Spinner />}
        {confirmLabel}
      </button>
      <button
        type="button"
        className={`btn btn--ghost${sizeClass}`}
        onClick={() => setAsking(false)}
        disabled={busy}
      >
        {cancelLabel}
      </button>
    </fieldset>
  );
}
