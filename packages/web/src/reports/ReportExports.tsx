import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState } from '../shell/states.tsx';

interface ReportExport { id: string; status: 'queued' | 'running' | 'done' | 'failed'; done: number; total: number; error: string | null; createdAt: string }

/** Bulk PDF: every released report of the cycle as one zip, made by a background job. */
export function ReportExports({ cycleId }: { cycleId: string }) {
  const state = useApi<{ exports: ReportExport[] }>(`/api/admin/cycles/${cycleId}/report-exports`);
  const [error, setError] = useState<string | null>(null);
  const latest = state.data?.exports[0];
  const working = latest && (latest.status === 'queued' || latest.status === 'running');
  const { reload } = state;

  useEffect(() => {
    if (!working) return;
    const timer = window.setInterval(reload, 1000);
    return () => window.clearInterval(timer);
  }, [working, reload]);

  async function start() {
    setError(null);
    try {
      await api('POST', `/api/admin/cycles/${cycleId}/report-exports`);
      reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <section aria-labelledby="exports-heading">
      <h2 id="exports-heading">All reports as PDF</h2>
      <p className="hint">Prints every released report of this cycle into one zip file, in the background. You can leave this page meanwhile.</p>
      {error && <ErrorState message={error} />}
      {latest && (
        <div className="export-status">
          {working && (
            <>
              <label htmlFor="export-progress">
                Printing reports: {latest.done} of {latest.total}
              </label>
              <progress id="export-progress" max={latest.total} value={latest.done}>
                {latest.done} of {latest.total}
              </progress>
            </>
          )}
          {latest.status === 'done' && (
            <p role="status">
              Ready: {latest.total} reports.{' '}
              <a className="button button-secondary button-small" href={`/api/admin/report-exports/${latest.id}/download`} download>
                Download zip
              </a>
            </p>
          )}
          {latest.status === 'failed' && <p role="alert" className="alert alert-error">{latest.error}</p>}
        </div>
      )}
      {!working && (
        <button type="button" className="button button-secondary" onClick={() => void start()}>
          {latest ? 'Print all reports again' : 'Print all reports (zip)'}
        </button>
      )}
    </section>
  );
}
