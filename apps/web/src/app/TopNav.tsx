import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useLogout } from '../auth/useLogout.ts';
import { useMe } from '../auth/useMe.ts';

/** The top bar: links collapse behind a Menu button on phones. */
export function TopNav() {
  const { user, isAdmin, isLoading } = useMe();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  // close the menu whenever the route changes
  const path = location.pathname;
  useEffect(() => {
    if (path) setOpen(false);
  }, [path]);
  // Escape closes the open menu and gives focus back to its button, as for any disclosure
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const link = ({ isActive }: { isActive: boolean }) => `nav__link${isActive ? ' nav__link--active' : ''}`;
  return (
    <header className="topbar">
      <nav className="nav" aria-label="Main">
        <Link to="/" className="brand" aria-label="AI Interviewer, home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>AI Interviewer</span>
        </Link>
        <button
          ref={toggle}
          type="button"
          className="nav__toggle"
          aria-expanded={open}
          aria-controls="nav-menu"
          onClick={() => setOpen((o) => !o)}
        >
          <span className="nav__toggle-bars" aria-hidden="true" />
          Menu
        </button>
        <div id="nav-menu" className={`nav__menu${open ? ' nav__menu--open' : ''}`}>
          <ul className="nav__links">
            <li>
              <NavLink to="/" end className={link}>
                Catalogue
              </NavLink>
            </li>
            {user && (
              <>
                <li>
                  <NavLink to="/practise/own" className={link}>
                    My own job
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/history" className={link}>
                    History
                  </NavLink>
                </li>
                {isAdmin && (
                  <li>
                    <NavLink to="/admin" className={link}>
                      Admin
                    </NavLink>
                  </li>
                )}
              </>
            )}
          </ul>
          <div className="nav__user">
            {isLoading ? null : user ? (
              <>
                <NavLink to="/profile" className={link} title={user.email}>
                  <span className="avatar" aria-hidden="true">
                    {user.username.charAt(0).toUpperCase()}
                  </span>
                  {user.username}
                </NavLink>
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  onClick={() => logout.mutate()}
                  disabled={logout.isPending}
                >
                  Log out
                </button>
              </>
            ) : (
              <>
                <NavLink to="/login" className={link}>
                  Log in
                </NavLink>
                <Link to="/register" className="btn btn--primary btn--sm">
                  Sign up
                </Link>
              </>
            )}
          </div>
        </div>
      </nav>
    </header>
  );
}
