import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogout } from '../../auth/useLogout.ts';
import { useMe } from '../../auth/useMe.ts';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Field } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useFocusOnFailure } from '../../hooks/useFocusOnFailure.ts';
import { errorMessage, fieldErrorsOf, formMessage } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { trpc, type User } from '../../trpc.ts';

/** Username, password, account deletion, log out. */
export function ProfilePage() {
  const { user } = useMe();
  const logout = useLogout();
  if (!user) return null;
  return (
    <div className="page page--narrow">
      <PageHeader
        title="Your profile"
        lead={
          <>
            {user.email} · member since {formatDate(user.created_at)}{' '}
            {user.roles.includes('admin') && <Badge tone="accent">Admin</Badge>}
          </>
        }
        actions={
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            Log out
          </button>
        }
      />
      <div className="stack">
        <UsernameForm user={user} />
        <PasswordForm user={user} />
        <MyData />
        <DeleteAccount user={user} />
      </div>
    </div>
  );
}

function UsernameForm({ user }: { user: User }) {
  const utils = trpc.useUtils();
  const [username, setUsername] = useState(user.username);
  const update = trpc.users.update.useMutation({ onSuccess: (u) => utils.auth.viewer.setData(undefined, u) });
  const errors = fieldErrorsOf(update.error);
  const formRef = useFocusOnFailure(update.error);
  const general = formMessage(update.error, errors, ['username']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: user.id, username: username.trim() });
  };
  return (
    <section className="card">
      <h2 className="card__title">Username</h2>
      <form className="form" onSubmit={submit} noValidate ref={formRef}>
        {general && <Alert>{general}</Alert>}
        {update.isSuccess && !update.isPending && <Alert tone="success">Username saved.</Alert>}
        <Field
          label="Username"
          hint="3–32 letters, digits, dots, dashes or underscores."
          error={errors.username}
        >
          {(p) => (
            <input
              {...p}
              className="input"
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => {
                setUsername(e.target.value);
                if (update.isSuccess) update.reset();
              }}
            />
          )}
        </Field>
        <div className="form__actions">
          <button
            type="submit"
            className="btn btn--primary"
            disabled={update.isPending || username.trim() === user.username}
          >
            {update.isPending && <Spinner />}
            Save username
          </button>
        </div>
      </form>
    </section>
  );
}

const PASSWORD_FIELDS = ['current_password', 'password', 'confirm'] as const;

function PasswordForm({ user }: { user: User }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  // how many submits in a row found the two new passwords different (0: they match)
  const [mismatch, setMismatch] = useState(0);
  const update = trpc.users.update.useMutation({
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });
  const errors = fieldErrorsOf(update.error);
  const formRef = useFocusOnFailure(update.error ?? (mismatch || null));
  const general = formMessage(update.error, errors, PASSWORD_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== confirm) {
      // this try is refused here: the server's answer to the one before no longer applies
      update.reset();
      setMismatch((m) => m + 1);
      return;
    }
    setMismatch(0);
    update.mutate({ id: user.id, current_password: current, password: next });
  };
  return (
    <section className="card">
      <h2 className="card__title">Password</h2>
      <form className="form" onSubmit={submit} noValidate ref={formRef}>
        {general && <Alert>{general}</Alert>}
        {update.isSuccess && (
          <Alert tone="success">Password changed. Other devices have been logged out.</Alert>
        )}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Field label="Current password" error={errors.current_password}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="password"
              name="current_password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <div className="form__row">
          <Field label="New password" hint="At least 8 characters." error={errors.password}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                name="new_password"
                autoComplete="new-password"
                value={next}
                onChange={(e) => setNext(e.target.value)}
              />
            )}
          </Field>
          <Field label="Repeat new password" error={mismatch > 0 ? 'The two passwords differ' : undefined}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                name="confirm_password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={update.isPending || !current || !next}>
            {update.isPending && <Spinner />}
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}

/** The REST route answers with `Content-Disposition: attachment`: the browser saves it as a file. */
export const MY_DATA_URL = '/api/users/me/export';

/** "All my data": one JSON file with everything the service holds about the user. */
export function MyData() {
  return (
    <section className="card" aria-labelledby="my-data-title">
      <h2 id="my-data-title" className="card__title">
        All my data
      </h2>
      <p className="muted">
        One JSON file with everything we hold about you: your profile, the jobs you pasted, every interview
        with its questions, your answers, their feedback and scores, delivery figures, kept recordings (their
        details; download the audio from the report), share links and sign-ins. Never your password.
      </p>
      <a href={MY_DATA_URL} download className="btn btn--secondary">
        Download all my data (JSON)
      </a>
    </section>
  );
}

function DeleteAccount({ user }: { user: User }) {
  const [typed, setTyped] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = trpc.users.delete.useMutation({
    onSuccess: async () => {
      queryClient.clear();
      await navigate('/', { replace: true });
    },
  });
  const formRef = useFocusOnFailure(remove.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed === user.username) remove.mutate({ id: user.id });
  };
  return (
    <section className="card card--danger">
      <h2 className="card__title">Delete my account</h2>
      <p className="muted">
        This deletes your account, every interview and all feedback, and the job descriptions you pasted. It
        cannot be undone.
      </p>
      <form className="form" onSubmit={submit} noValidate ref={formRef}>
        {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
        <Field label={`Type your username (${user.username}) to confirm`}>
          {(p) => (
            <input
              {...p}
              className="input"
              name="confirm_delete"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button
            type="submit"
            className="btn btn--danger"
            disabled={typed !== user.username || remove.isPending}
          >
            {remove.isPending && <Spinner />}
            Delete my account
          </button>
        </div>
      </form>
    </section>
  );
}
