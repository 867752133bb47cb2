/**
 * The rater's side of the API: no account and no cookie, the personal link's token is the
 * credential. Types mirror the server's answering routes (/api/r/:token).
 */
export interface RaterForm {
  status: 'not_started' | 'in_progress' | 'submitted' | 'declined';
  closedMessage: string | null;
  cycleName: string;
  deadline: string;
  participantName: string;
  raterName: string;
  form: 'self' | 'rater';
  raterGroup: string;
  survey: {
    language: string;
    scale: { value: number; label: string }[];
    notObserved: { allowed: boolean; label: string };
    sections: { code: string; title: string; items: { code: string; text: string }[] }[];
    orientation: { points: number; scales: { code: string; text: string; leftPole: string; rightPole: string }[] };
    openQuestions: { code: string; text: string }[];
    requiredCodes: string[];
  };
  answers: Record<string, { value: number | null; notObserved: boolean }>;
  comments: Record<string, string>;
  progress: { answered: number; required: number };
}

export class RaterApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { issues?: { path: string; message: string }[] },
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'omit',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as
    | { error?: { code: string; message: string; details?: RaterApiError['details'] } }
    | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new RaterApiError(response.status, error?.code ?? 'unknown', error?.message ?? 'Something went wrong. Try again.', error?.details);
  }
  return payload as T;
}

const base = (token: string) => `/api/r/${encodeURIComponent(token)}`;

export const raterApi = {
  load: (token: string) => call<RaterForm>('GET', base(token)),
  saveAnswer: (token: string, code: string, answer: { value: number | null; notObserved: boolean }) =>
    call<void>('PUT', `${base(token)}/answers/${encodeURIComponent(code)}`, answer),
  saveComment: (token: string, code: string, text: string) => call<void>('PUT', `${base(token)}/comments/${encodeURIComponent(code)}`, { text }),
  submit: (token: string) => call<void>('POST', `${base(token)}/submit`),
  decline: (token: string, reason: string) => call<void>('POST', `${base(token)}/decline`, { reason }),
};
