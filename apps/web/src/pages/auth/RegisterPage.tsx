import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../auth/guards.tsx';
import { useMe } from '../../auth/useMe.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useFocusOnFailure } from '../../hooks/useFocusOnFailure.ts';
import { errorMessage, fieldErrorsOf, formMessage } from '../../lib/errors.ts';
import { trpc } from '../../trpc.ts';
import { AuthCard } from './AuthCard.tsx';
import { useSignedIn } from './useSignedIn.ts';

const FIELDS = ['email', 'username', 'password'] as const;

export function RegisterPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { user } = useMe();
  const signedIn = useSignedIn();
  const [form, setForm] = useState({ email: '', username: '', password: '' });
  const register = trpc.auth.register.useMutation();
  const login = trpc.auth.login.useMutation();
  const busy = register.isPending || login.isPending;
  const formRef = useFocusOnFailure(register.error ?? login.error);

  if (user && !busy && !login.isSuccess) return <Navigate to={next} replace />;

  const error = register.error ?? login.error;
  const errors = fieldErrorsOf(error);
  const general = formMessage(error, errors, FIELDS);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    register.reset();
    login.reset();
    try {
      const input = { email: form.email.trim(), username: form.username.trim(), password: form.password };
      await register.mutateAsync(input);
      // the account exists: log straight in with the same credentials
      const result = await login.mutateAsync({ email: input.email, password: input.password });
      signedIn(result.user);
      await navigate(next, { replace: true });
    } catch {
      // shown from the mutation's error
    }
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <AuthCard
      title="Create your account"
      lead="Free practice interviews, graded answer by answer."
      footer={
        <>
          Already have an account? <Link to={`/login${params.size ? `?${params}` : ''}`}>Log in</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate ref={formRef}>
        {general && (
          <Alert tone={error?.data?.domainCode === 'RATE_LIMITED' ? 'warning' : 'error'}>
            {login.error ? errorMessage(login.error, 'login') : general}
          </Alert>
        )}
        <Field label="Email" error={errors.email}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="email"
              name="email"
              autoComplete="email"
              value={form.email}
              onChange={set('email')}
              required
            />
          )}
        </Field>
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
              value={form.username}
              onChange={set('username')}
              required
            />
          )}
        </Field>
        <Field label="Password" hint="At least 8 characters." error={errors.password}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="password"
              name="password"
              autoComplete="new-password"
              value={form.password}
              onChange={set('password')}
              required
            />
          )}
        </Field>
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy && <Spinner />}
          {busy ? 'Creating your account…' : 'Sign up'}
        </button>
      </form>
    </AuthCard>
  );
}
