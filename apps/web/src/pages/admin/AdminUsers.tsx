import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../auth/useMe.ts';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, plural } from '../../lib/format.ts';
import { trpc, type User } from '../../trpc.ts';

const PAGE = 20;

export function AdminUsers() {
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const search = useDebouncedValue(q.trim(), 300);
  const users = trpc.users.list.useQuery(
    { q: search || undefined, limit: PAGE, offset },
    { placeholderData: keepPreviousData },
  );
  const utils = trpc.useUtils();
  const update = trpc.users.update.useMutation({ onSuccess: () => utils.users.list.invalidate() });
  const remove = trpc.users.delete.useMutation({ onSuccess: () => utils.users.list.invalidate() });
  const error = update.error ?? remove.error;

  return (
    <section className="stack" aria-label="Users">
      <div className="toolbar">
        <div className="filters__field filters__field--grow">
          <label htmlFor="admin-user-q" className="field__label">
            Search users
          </label>
          <input
            id="admin-user-q"
            type="search"
            className="input"
            placeholder="Email or username"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
          />
        </div>
      </div>
      {error && <Alert>{errorMessage(error)}</Alert>}
      {users.isLoading ? (
        <LoadingState />
      ) : users.error ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data && users.data.items.length === 0 ? (
        <EmptyState title="No users match" />
      ) : users.data ? (
        <>
          <p className="results-count">{plural(users.data.total, 'user')}</p>
          <div className="table-wrap card card--flush">
            <table className="table table--sticky-first">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Status</th>
                  <th scope="col">Joined</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    busy={
                      (update.isPending && update.variables?.id === u.id) ||
                      (remove.isPending && remove.variables?.id === u.id)
                    }
                    onUpdate={(patch) => update.mutate({ id: u.id, ...patch })}
                    onDelete={() => remove.mutate({ id: u.id })}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination total={users.data.total} limit={PAGE} offset={offset} onChange={setOffset} />
        </>
      ) : null}
    </section>
  );
}

function UserRow({
  user,
  busy,
  onUpdate,
  onDelete,
}: {
  user: User;
  busy: boolean;
  onUpdate: (patch: { active?: boolean; roles?: User['roles'] }) => void;
  onDelete: () => void;
}) {
  const { user: me } = useMe();
  const isMe = me?.id === user.id;
  const isAdmin = user.roles.includes('admin');
  return (
    <tr data-testid={`user-row-${user.username}`}>
      <td>
        <strong>{user.username}</strong>
        <div className="muted small">{user.email}</div>
      </td>
      <td>
        <span className="row row--tight">
          {user.roles.map((r) => (
            <Badge key={r} tone={r === 'admin' ? 'accent' : 'neutral'}>
              {r}
            </Badge>
          ))}
        </span>
      </td>
      <td>{user.active ? <Badge tone="good">Active</Badge> : <Badge tone="low">Deactivated</Badge>}</td>
      <td className="nowrap">{formatDate(user.created_at)}</td>
      <td>
        {isMe ? (
          <span className="muted small">This is you</span>
        ) : (
          <div className="row row--tight row--end">
            <button
              type="button"
              className="btn btn--secondary btn--sm"
              disabled={busy}
              onClick={() => onUpdate({ active: !user.active })}
            >
              {user.active ? 'Deactivate' : 'Activate'}
            </button>
            <button
              type="button"
              className="btn btn--secondary btn--sm"
              disabled={busy}
              onClick={() => onUpdate({ roles: isAdmin ? ['candidate'] : ['admin', 'candidate'] })}
            >
              {isAdmin ? 'Remove admin' : 'Make admin'}
            </button>
            <ConfirmAction
              label="Delete"
              question={`Delete ${user.username} and all their data?`}
              confirmLabel="Delete"
              size="sm"
              busy={busy}
              onConfirm={onDelete}
            />
          </div>
        )}
      </td>
    </tr>
  );
}
