import { useId } from 'react';
import { languageName } from './framework-types.ts';

/** Which of the framework's languages to read, edit or preview in. */
export function LanguagePicker({ languages, value, onChange }: { languages: string[]; value: string; onChange: (language: string) => void }) {
  const id = useId();
  if (languages.length < 2) return <p className="hint">Language: {languageName(languages[0] ?? 'en')}</p>;
  return (
    <p className="inline-form">
      <label htmlFor={id}>Language</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {languageName(l)} ({l})
          </option>
        ))}
      </select>
    </p>
  );
}
