import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes, trpcFetch } from '../test/render.tsx';
import { AppLayout } from './AppLayout.tsx';

/** A page whose heading appears only once its "data" has loaded, as real pages do. */
function SlowPage() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setReady(true), 30);
    return () => clearTimeout(t);
  }, []);
  return ready ? <h1>Slow page</h1> : <p>Loading…</p>;
}

/** A page that puts focus where it wants (here a field): route focus must leave it there. */
function FieldPage() {
  return (
    <>
      <h1>Field page</h1>
      {/* biome-ignore lint/a11y/noAutofocus: the case under test */}
      <input aria-label="First field" autoFocus />
    </>
  );
}

const routes = [
  {
    element: <AppLayout />,
    children: [
      {
        index: true,
        element: (
          <>
            <h1>Home</h1>
            <Link to="/slow">Go slow</Link> <Link to="/field">Go to a field</Link>
          </>
        ),
      },
      { path: 'slow', element: <SlowPage /> },
      { path: 'field', element: <FieldPage /> },
    ],
  },
];

beforeEach(() => {
  vi.stubGlobal('fetch', trpcFetch({ 'auth.viewer': () => ({ data: null }) }).fetch);
});
afterEach(() => vi.unstubAllGlobals());

describe('focus after a route change', () => {
  it('is left alone on the first load', async () => {
    renderRoutes(routes);
    await screen.findByRole('heading', { level: 1, name: 'Home' });
    expect(document.activeElement).toBe(document.body);
  });

  it('moves to the new page’s h1 once it appears, not <body>', async () => {
    renderRoutes(routes);
    const link = await screen.findByRole('link', { name: 'Go slow' });
    link.focus();
    fireEvent.click(link);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Slow page' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  it('leaves focus where the new page put it', async () => {
    renderRoutes(routes);
    fireEvent.click(await screen.findByRole('link', { name: 'Go to a field' }));
    await screen.findByRole('heading', { level: 1, name: 'Field page' });
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'First field' }));
  });
});

describe('the phone menu', () => {
  it('closes on Escape and gives focus back to the Menu button', async () => {
    renderRoutes(routes);
    const menu = await screen.findByRole('button', { name: 'Menu' });
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(screen.getByRole('link', { name: 'Catalogue' }), { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });
});
