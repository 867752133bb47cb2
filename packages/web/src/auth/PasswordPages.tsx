import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import type { SessionPayload } from '../api/types.ts';
import { useSession } from './session.tsx';

function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand-mark" aria-hidden="true">Twofold</p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', '/api/auth/password-reset/request', { email });
      setSent(true);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }
  return (
    <AuthCard title="Reset your password">
      {sent ? (
        <p role="status">If an account uses {email}, a link to choose a new password is on its way. It works for one hour.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          {error && <div className="alert alert-error" role="alert">{error}</div>}
          <div className="field">
            <label htmlFor="forgot-email">Email</label>
            <input id="forgot-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <button type="submit" className="button button-primary">Send reset link</button>
        </form>
      )}
      <p><Link to="/login">Back to log in</Link></p>
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', '/api/auth/password-reset/complete', { token: params.get('token') ?? '', password });
      setDone(true);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }
  return (
    <AuthCard title="Choose a new password">
      {done ? (
        <p role="status">Your password is changed. <Link to="/login">Log in</Link> with it.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          {error && <div className="alert alert-error" role="alert">{error}</div>}
          <div className="field">
            <label htmlFor="reset-password">New password</label>
            <input id="reset-password" type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="reset-hint" />
            <p id="reset-hint" className="hint">At least 12 characters.</p>
          </div>
          <button type="submit" className="button button-primary">Save password</button>
        </form>
      )}
    </AuthCard>
  );
}

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ email: string; organisation: string } | null>(null);
  useEffect(() => {
    let current = true;
    api<{ name: string; email: string; organisation: string }>('POST', '/api/auth/invitations/describe', { token })
      .then((found) => {
        if (!current) return;
        setInvitation(found);
        // The name the admin typed, for the newcomer to confirm or correct.
        setName((typed) => typed || found.name);
      })
      .catch((caught: unknown) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [token]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      adopt(await api<SessionPayload>('POST', '/api/auth/invitations/accept', { token, name, password }));
      navigate('/', { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }
  return (
    <AuthCard title="Welcome to Twofold">
      <form onSubmit={submit} noValidate>
        {error && <div className="alert alert-error" role="alert">{error}</div>}
        {invitation && (
          <p>
            You are joining <strong>{invitation.organisation}</strong> as <strong>{invitation.email}</strong>.
          </p>
        )}
        <div className="field">
          <label htmlFor="invite-name">Your name</label>
          <input id="invite-name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="invite-password">Choose a password</label>
          <input id="invite-password" type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="invite-hint" />
          <p id="invite-hint" className="hint">At least 12 characters.</p>
        </div>
        <button type="submit" className="button button-primary">Create my account</button>
      </form>
    </AuthCard>
  );
}
