import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';

/** Admin area: users, the public catalogue, every session. */
export function AdminLayout() {
  const tab = ({ isActive }: { isActive: boolean }) => `tabs__tab${isActive ? ' tabs__tab--active' : ''}`;
  return (
    <div className="page">
      <PageHeader title="Admin" lead="Manage accounts, the public catalogue and every interview." />
      <nav className="tabs" aria-label="Admin sections">
        <NavLink to="/admin/users" className={tab}>
          Users
        </NavLink>
        <NavLink to="/admin/jobs" className={tab}>
          Catalogue
        </NavLink>
        <NavLink to="/admin/sessions" className={tab}>
          Sessions
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
