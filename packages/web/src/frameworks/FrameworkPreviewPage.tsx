import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { SurveyQuestions, type Answer } from '../answering/AnswerPage.tsx';
import type { RaterForm } from '../answering/rater-api.ts';
import { useApi } from '../api/use-api.ts';
import { Loaded } from '../shell/states.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import type { FrameworkVersionView } from './framework-types.ts';
import '../answering/answering.css';

interface Preview {
  form: 'rater' | 'self';
  participantName: string;
  survey: Omit<RaterForm['survey'], 'requiredCodes'>;
}

/**
 * The survey exactly as a rater (or the participant) will see it, built by the server from
 * this version with the same components as the answering page. Nothing is saved.
 */
export function FrameworkPreviewPage() {
  const { frameworkVersionId = '' } = useParams();
  const version = useApi<FrameworkVersionView>(`/api/admin/frameworks/${frameworkVersionId}`);
  const [form, setForm] = useState<'rater' | 'self'>('rater');
  const [name, setName] = useState('Alex Example');
  const [language, setLanguage] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const query = new URLSearchParams({ form, name: name.trim() || 'Alex Example', ...(language ? { language } : {}) });
  const preview = useApi<Preview>(`/api/admin/frameworks/${frameworkVersionId}/preview?${query.toString()}`);

  return (
    <>
      <p>
        <Link to={`/frameworks/${frameworkVersionId}`}>Back to the framework</Link>
      </p>
      <h1>Survey preview</h1>
      <p className="callout">This is what people will see. Answers you click here are not saved anywhere.</p>
      <div className="inline-form">
        <label htmlFor="preview-form">Form</label>
        <select id="preview-form" value={form} onChange={(e) => setForm(e.target.value as 'rater' | 'self')}>
          <option value="rater">Rater (about the participant)</option>
          <option value="self">Self-assessment</option>
        </select>
        <label htmlFor="preview-name">Participant's name</label>
        <input id="preview-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {version.data && <LanguagePicker languages={version.data.document.languages} value={language ?? version.data.document.languages[0] ?? 'en'} onChange={setLanguage} />}
      <Loaded state={preview}>
        {({ survey, participantName }) => (
          <div className="answer-page preview-frame" lang={survey.language}>
            <h2>{form === 'self' ? 'Your self-assessment' : `Feedback for ${participantName}`}</h2>
            <SurveyQuestions
              survey={survey}
              answers={answers}
              heading="h3"
              idPrefix="preview"
              stateOf={() => 'idle'}
              isMissing={() => false}
              onAnswer={(code, value) => setAnswers((current) => ({ ...current, [code]: value }))}
            />
            {survey.openQuestions.length > 0 && (
              <section className="answer-section" aria-labelledby="preview-comments">
                <h3 id="preview-comments">Comments</h3>
                {survey.openQuestions.map((question) => (
                  <div key={question.code} className="field">
                    <label htmlFor={`preview-comment-${question.code}`}>{question.text}</label>
                    <textarea id={`preview-comment-${question.code}`} rows={3} />
                  </div>
                ))}
              </section>
            )}
          </div>
        )}
      </Loaded>
    </>
  );
}
