import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { raterApi, RaterApiError, type RaterForm } from './rater-api.ts';
import './answering.css';

export type Answer = { value: number | null; notObserved: boolean };
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** The page behind a rater's personal link: answer, autosave, resume, submit or decline. */
export function AnswerPage({ token }: { token: string }) {
  const [form, setForm] = useState<RaterForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [saveState, setSaveState] = useState<Record<string, SaveState>>({});
  const [announcement, setAnnouncement] = useState('');
  const [submitError, setSubmitError] = useState<{ message: string; missing: string[] } | null>(null);
  const [finished, setFinished] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);

  useEffect(() => {
    raterApi
      .load(token)
      .then((loaded) => {
        setForm(loaded);
        setAnswers(loaded.answers);
      })
      .catch((error: unknown) => setLoadError(error instanceof RaterApiError ? error.message : 'The form could not be loaded. Check your connection and reload the page.'));
  }, [token]);

  const save = useCallback(
    async (code: string, answer: Answer) => {
      setAnswers((current) => ({ ...current, [code]: answer }));
      setSaveState((current) => ({ ...current, [code]: 'saving' }));
      try {
        await raterApi.saveAnswer(token, code, answer);
        setSaveState((current) => ({ ...current, [code]: 'saved' }));
        setAnnouncement('Saved.');
      } catch (error) {
        setSaveState((current) => ({ ...current, [code]: 'error' }));
        if (error instanceof RaterApiError && error.status === 410) setFinished(error.message);
        setAnnouncement(error instanceof RaterApiError ? error.message : 'Not saved: check your connection and choose again.');
      }
    },
    [token],
  );

  if (loadError) {
    return (
      <main className="answer-page" id="main">
        <h1>Feedback link</h1>
        <p role="alert" className="answer-error">{loadError}</p>
      </main>
    );
  }
  if (!form) {
    return (
      <main className="answer-page" id="main" aria-busy="true">
        <p role="status">Loading your form…</p>
      </main>
    );
  }

  const closed = finished ?? form.closedMessage;
  const heading = form.form === 'self' ? 'Your self-assessment' : `Feedback for ${form.participantName}`;
  if (closed) {
    return (
      <main className="answer-page" id="main">
        <p className="answer-eyebrow">{form.cycleName}</p>
        <h1>{heading}</h1>
        <p role="status" className="answer-closed">{closed}</p>
      </main>
    );
  }

  const { survey } = form;
  const progress = countProgress(survey.requiredCodes, answers);
  const percent = progress.required === 0 ? 0 : Math.round((progress.answered / progress.required) * 100);

  async function submit() {
    setSubmitError(null);
    try {
      await raterApi.submit(token);
      setFinished('Thank you. Your feedback has been submitted. You can close this page.');
    } catch (error) {
      if (error instanceof RaterApiError) {
        const missing = (error.details?.issues ?? []).map((issue) => issue.path.replace('/answers/', ''));
        setSubmitError({ message: error.message, missing });
        if (error.status === 410) setFinished(error.message);
      } else {
        setSubmitError({ message: 'Not submitted: check your connection and try again.', missing: [] });
      }
    }
  }

  return (
    <main className="answer-page" id="main" lang={survey.language}>
      <p className="answer-eyebrow">{form.cycleName}</p>
      <h1>{heading}</h1>
      <p className="answer-intro">
        {form.form === 'self'
          ? 'Rate how often you show each behaviour. Be as honest as you can: this is for your own development.'
          : `Rate how often ${form.participantName} shows each behaviour. Your answers are combined with others' and never shown on their own, except for the manager's view.`}{' '}
        Every answer is saved as you go; you can leave and come back with the same link. Please finish by{' '}
        {new Date(form.deadline).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}.
      </p>

      <div className="answer-progress">
        <label htmlFor="answer-progress-bar">
          {progress.answered} of {progress.required} answered
        </label>
        <progress id="answer-progress-bar" max={progress.required} value={progress.answered}>
          {percent}%
        </progress>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <SurveyQuestions
        survey={survey}
        answers={answers}
        heading="h2"
        idPrefix="section"
        stateOf={(code) => saveState[code] ?? 'idle'}
        isMissing={(code) => submitError?.missing.includes(code) ?? false}
        onAnswer={(code, answer) => void save(code, answer)}
      />

      {survey.openQuestions.length > 0 && (
        <section className="answer-section" aria-labelledby="section-comments">
          <h2 id="section-comments">Comments</h2>
          <p className="answer-hint">Optional. Comments are shown to {form.form === 'self' ? 'you' : form.participantName} without your name.</p>
          {survey.openQuestions.map((question) => (
            <CommentQuestion key={question.code} token={token} code={question.code} text={question.text} initial={form.comments[question.code] ?? ''} />
          ))}
        </section>
      )}

      {submitError && (
        <div className="answer-error" role="alert">
          <p>{submitError.message}</p>
          {submitError.missing.length > 0 && (
            <ul>
              {submitError.missing.map((code) => (
                <li key={code}>
                  <a href={`#q-${code}`}>Go to question {code}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className="answer-actions">
        <button type="button" className="button-primary" onClick={() => void submit()}>
          Submit feedback
        </button>
        {form.form === 'rater' && !declining && (
          <button type="button" className="button-secondary" onClick={() => setDeclining(true)}>
            I can't give feedback
          </button>
        )}
      </div>
      {declining && <DeclineForm token={token} onDone={setFinished} onCancel={() => setDeclining(false)} />}
    </main>
  );
}

/**
 * The rated questions of a survey, by section, then the working-style scales: one piece for
 * the rater's page and the framework preview, so the preview shows what raters see.
 */
export function SurveyQuestions(props: {
  survey: Pick<RaterForm['survey'], 'sections' | 'scale' | 'notObserved' | 'orientation'>;
  answers: Record<string, Answer>;
  heading: 'h2' | 'h3';
  idPrefix: string;
  stateOf: (code: string) => SaveState;
  isMissing: (code: string) => boolean;
  onAnswer: (code: string, answer: Answer) => void;
}) {
  const { survey, answers, heading: Heading, idPrefix } = props;
  return (
    <>
      {survey.sections.map((section) => (
        <section key={section.code} className="answer-section" aria-labelledby={`${idPrefix}-${section.code}`}>
          <Heading id={`${idPrefix}-${section.code}`}>{section.title}</Heading>
          {section.items.map((item) => (
            <RatingQuestion
              key={item.code}
              code={item.code}
              text={item.text}
              options={survey.scale}
              notObserved={survey.notObserved.allowed ? survey.notObserved.label : null}
              answer={answers[item.code]}
              state={props.stateOf(item.code)}
              missing={props.isMissing(item.code)}
              onAnswer={(answer) => props.onAnswer(item.code, answer)}
            />
          ))}
        </section>
      ))}

      {survey.orientation.scales.length > 0 && (
        <section className="answer-section" aria-labelledby={`${idPrefix}-orientation`}>
          <Heading id={`${idPrefix}-orientation`}>Working style</Heading>
          <p className="answer-hint">Each line runs between two ways of working. Neither end is better; choose the point that fits best.</p>
          {survey.orientation.scales.map((scale) => (
            <OrientationQuestion
              key={scale.code}
              code={scale.code}
              text={scale.text}
              left={scale.leftPole}
              right={scale.rightPole}
              points={survey.orientation.points}
              answer={answers[scale.code]}
              state={props.stateOf(scale.code)}
              missing={props.isMissing(scale.code)}
              onAnswer={(answer) => props.onAnswer(scale.code, answer)}
            />
          ))}
        </section>
      )}
    </>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  if (state === 'idle') return null;
  const text = state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : 'Not saved — choose again';
  return <span className={`save-indicator save-${state}`}>{text}</span>;
}

function RatingQuestion(props: {
  code: string;
  text: string;
  options: { value: number; label: string }[];
  notObserved: string | null;
  answer: Answer | undefined;
  state: SaveState;
  missing: boolean;
  onAnswer: (answer: Answer) => void;
}) {
  const name = useId();
  const selected = props.answer ? (props.answer.notObserved ? 'no' : String(props.answer.value)) : '';
  return (
    <fieldset className={`answer-question${props.missing ? ' is-missing' : ''}`} id={`q-${props.code}`}>
      <legend>{props.text}</legend>
      <div className="answer-options">
        {props.options.map((option) => (
          <label key={option.value} className="answer-option">
            <input type="radio" name={name} value={option.value} checked={selected === String(option.value)} onChange={() => props.onAnswer({ value: option.value, notObserved: false })} />
            <span>{option.label}</span>
          </label>
        ))}
        {props.notObserved && (
          <label className="answer-option answer-option-muted">
            <input type="radio" name={name} value="not-observed" checked={selected === 'no'} onChange={() => props.onAnswer({ value: null, notObserved: true })} />
            <span>{props.notObserved}</span>
          </label>
        )}
      </div>
      <SaveIndicator state={props.state} />
    </fieldset>
  );
}

function OrientationQuestion(props: {
  code: string;
  text: string;
  left: string;
  right: string;
  points: number;
  answer: Answer | undefined;
  state: SaveState;
  missing: boolean;
  onAnswer: (answer: Answer) => void;
}) {
  const name = useId();
  const values = Array.from({ length: props.points }, (_, i) => i + 1);
  return (
    <fieldset className={`answer-question${props.missing ? ' is-missing' : ''}`} id={`q-${props.code}`}>
      <legend>{props.text}</legend>
      <div className="orientation-poles" aria-hidden="true">
        <span>{props.left}</span>
        <span>{props.right}</span>
      </div>
      <div className="orientation-options">
        {values.map((value) => (
          <label key={value} className="orientation-option">
            <input type="radio" name={name} value={value} checked={props.answer?.value === value} onChange={() => props.onAnswer({ value, notObserved: false })} />
            <span className="visually-hidden">
              {value === 1 ? props.left : value === props.points ? props.right : `${value} of ${props.points}, between “${props.left}” and “${props.right}”`}
            </span>
            <span aria-hidden="true">{value}</span>
          </label>
        ))}
      </div>
      <SaveIndicator state={props.state} />
    </fieldset>
  );
}

function CommentQuestion({ token, code, text, initial }: { token: string; code: string; text: string; initial: string }) {
  const [value, setValue] = useState(initial);
  const [state, setState] = useState<SaveState>('idle');
  const saved = useRef(initial);
  const id = useId();
  async function persist() {
    if (value === saved.current) return;
    setState('saving');
    try {
      await raterApi.saveComment(token, code, value);
      saved.current = value;
      setState('saved');
    } catch {
      setState('error');
    }
  }
  return (
    <div className="answer-question" id={`q-${code}`}>
      <label htmlFor={id}>{text}</label>
      <textarea id={id} rows={4} maxLength={4000} value={value} onChange={(event) => setValue(event.target.value)} onBlur={() => void persist()} />
      <SaveIndicator state={state} />
    </div>
  );
}

function DeclineForm({ token, onDone, onCancel }: { token: string; onDone: (message: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  async function decline() {
    try {
      await raterApi.decline(token, reason);
      onDone('You declined this request. Thank you for letting us know.');
    } catch (caught) {
      setError(caught instanceof RaterApiError ? caught.message : 'Not sent: check your connection and try again.');
    }
  }
  return (
    <form
      className="answer-decline"
      onSubmit={(event) => {
        event.preventDefault();
        void decline();
      }}
    >
      <h2>Decline this request</h2>
      <p>Any answers you gave here are discarded.</p>
      <label htmlFor={id}>Reason (optional)</label>
      <textarea id={id} rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
      {error && <p role="alert" className="answer-error">{error}</p>}
      <div className="answer-actions">
        <button type="submit" className="button-danger">Decline</button>
        <button type="button" className="button-secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** Progress is counted on the page from its own answers; the server checks completeness at submit. */
export function countProgress(requiredCodes: string[], answers: Record<string, Answer>): { answered: number; required: number } {
  return { answered: requiredCodes.filter((code) => answers[code] !== undefined).length, required: requiredCodes.length };
}
