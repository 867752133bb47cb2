import { useState } from 'react';
import type { OutboxMessage } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { EmptyState, Loaded } from '../shell/states.tsx';

const statusLabel: Record<OutboxMessage['status'], string> = {
  outbox: 'Kept here (no mail server)',
  pending: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
};

/** The admin's view of every email: the only delivery when no SMTP server is configured. */
export function OutboxPage() {
  const state = useApi<{ messages: OutboxMessage[] }>('/api/admin/outbox');
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">Emails Twofold has sent or queued. Without a mail server (SMTP_URL), they stay here; copy a link to pass it on.</p>
      <Loaded state={state}>
        {({ messages }) =>
          messages.length === 0 ? (
            <EmptyState title="No emails yet">Invitations, reminders and password resets will appear here.</EmptyState>
          ) : (
            <ul className="message-list">
              {messages.map((message) => (
                <li key={message.id} className="message">
                  <button type="button" className="message-summary" aria-expanded={openId === message.id} onClick={() => setOpenId(openId === message.id ? null : message.id)}>
                    <span className="message-subject">{message.subject}</span>
                    <span className="message-meta">
                      To {message.to} · {new Date(message.createdAt).toLocaleString()} · {statusLabel[message.status]}
                    </span>
                  </button>
                  {openId === message.id && <pre className="message-body">{message.text}</pre>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
