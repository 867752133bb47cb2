import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client.ts';
import type { Role, UserSummary } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { Loaded } from '../shell/states.tsx';

const roleLabels: Record<Role, string> = { admin: 'Admin (HR / L&D)', coach: 'Coach', participant: 'Participant' };

export function UsersPage() {
  const state = useApi<{ users: UserSummary[] }>('/api/admin/users');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['participant']);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function invite(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await api('POST', '/api/admin/users/invitations', { email, name, roles });
      setMessage({ kind: 'ok', text: `Invitation sent to ${email}.` });
      setEmail('');
      setName('');
      state.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <>
      <h1>Users</h1>
      <Loaded state={state}>
        {({ users }) => (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Accounts of the organisation</caption>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Roles</th><th scope="col">Status</th></tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id}>
                    <td>{user.name}</td>
                    <td>{user.email}</td>
                    <td>{user.roles.map((r) => roleLabels[r]).join(', ')}</td>
                    <td>{user.status === 'invited' ? 'Invited' : user.status === 'active' ? 'Active' : 'Disabled'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      <h2>Invite someone</h2>
      <form onSubmit={invite} className="form-narrow" noValidate>
        {message && <div className={`alert ${message.kind === 'ok' ? 'alert-ok' : 'alert-error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>{message.text}</div>}
        <div className="field">
          <label htmlFor="invite-user-name">Name</label>
          <input id="invite-user-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="invite-user-email">Email</label>
          <input id="invite-user-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <fieldset className="field">
          <legend>Roles</legend>
          {(Object.keys(roleLabels) as Role[]).map((role) => (
            <label key={role} className="check">
              <input type="checkbox" checked={roles.includes(role)} onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))} />
              {roleLabels[role]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary">Send invitation</button>
      </form>
    </>
  );
}
