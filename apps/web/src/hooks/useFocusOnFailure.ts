import { useEffect, useRef } from 'react';

/**
 * After a failed submit, focus goes to the first field marked invalid, or else to the form's
 * alert: otherwise it stays on the submit button, or falls to <body> when the button was
 * disabled while sending, and a keyboard or screen-reader user must hunt for what to fix.
 * `failure` is the failed submit's error (a new value on every failure); null while all is well.
 * Returns the ref for the <form>.
 */
export function useFocusOnFailure(failure: unknown) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!failure || !form.current) return;
    const target =
      form.current.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    if (!target.matches('input, textarea, select, button') && !target.hasAttribute('tabindex')) {
      target.tabIndex = -1;
    }
    target.focus();
  }, [failure]);
  return form;
}
