import { type RefObject, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a route change (not on the first load), focus moves to the new page's h1: otherwise it
 * stays on the link of the page just left, or falls to <body> when that link is gone, and a
 * keyboard or screen-reader user has to find the page again. Pages show their heading once
 * their data has loaded, so this waits for an h1 to appear. A page that has placed focus itself
 * in the meantime (a form field, the interview question) keeps it.
 */
export function useRouteFocus(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  // the path focus was last handled for: StrictMode's second mount run is not a navigation
  const handled = useRef(pathname);
  // Where focus was before the new page rendered. Read during render because by the time this
  // effect runs, the new page has committed and its own effects (children first) have run.
  const before = useRef<Element | null>(null);
  if (handled.current !== pathname) before.current = document.activeElement;
  useEffect(() => {
    if (handled.current === pathname) return;
    handled.current = pathname;
    const root = main.current;
    if (!root) return;
    const previous = before.current;
    const focusHeading = (): boolean => {
      const heading = root.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      const now = document.activeElement;
      const movedByPage = now !== previous && now !== null && now !== document.body && now !== root;
      if (!movedByPage) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname, main]);
}
