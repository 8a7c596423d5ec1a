import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { type LoginState, safeNext } from '../../auth/guards.tsx';
import { useMe } from '../../auth/useMe.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useFocusOnFailure } from '../../hooks/useFocusOnFailure.ts';
import { errorMessage, fieldErrorsOf } from '../../lib/errors.ts';
import { trpc } from '../../trpc.ts';
import { AuthCard } from './AuthCard.tsx';
import { useSignedIn } from './useSignedIn.ts';

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const loginEnded = (useLocation().state as LoginState | null)?.loginEnded === true;
  const { user } = useMe();
  const signedIn = useSignedIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const mutation = trpc.auth.login.useMutation({
    onSuccess: async (result) => {
      signedIn(result.user);
      await navigate(next, { replace: true });
    },
  });

  const formRef = useFocusOnFailure(mutation.error);

  if (user && !mutation.isPending && !mutation.isSuccess) return <Navigate to={next} replace />;

  const errors = fieldErrorsOf(mutation.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ email: login.trim(), password });
  };

  return (
    <AuthCard
      title="Welcome back"
      lead="Log in to continue practising."
      footer={
        <>
          New here? <Link to={`/register${params.size ? `?${params}` : ''}`}>Create an account</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate ref={formRef}>
        {loginEnded && !mutation.error && (
          <Alert tone="info">Your login has ended. Log in again to carry on where you were.</Alert>
        )}
        {mutation.error && Object.keys(errors).length === 0 && (
          <Alert tone={mutation.error.data?.domainCode === 'RATE_LIMITED' ? 'warning' : 'error'}>
            {errorMessage(mutation.error, 'login')}
          </Alert>
        )}
        <Field label="Email or username" error={errors.email ?? errors.username}>
          {(p) => (
            <input
              {...p}
              className="input"
              name="email"
              autoComplete="username"
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Password" error={errors.password}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <button type="submit" className="btn btn--primary btn--block" disabled={mutation.isPending}>
          {mutation.isPending && <Spinner />}
          {mutation.isPending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </AuthCard>
  );
}
