import { useRef } from 'react';
import { Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { TopNav } from './TopNav.tsx';
import { useRouteFocus } from './useRouteFocus.ts';

export function AppLayout() {
  const navigation = useNavigation();
  const main = useRef<HTMLElement>(null);
  useRouteFocus(main);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopNav />
      {navigation.state === 'loading' && <div className="route-progress" aria-hidden="true" />}
      <main id="main" className="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
      <footer className="footer">
        <span>AI Interviewer · practise, get graded, improve</span>
      </footer>
      <ScrollRestoration />
    </>
  );
}
