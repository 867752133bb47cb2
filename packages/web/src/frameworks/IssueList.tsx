/** A refused save or import: the server's message and every problem with where it is. */
export function IssueList({ message, issues, describe = (path) => path || 'the document' }: { message: string; issues: { path: string; message: string }[]; describe?: (path: string) => string }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.slice(0, 50).map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <strong>{describe(issue.path)}</strong>: {issue.message}
            </li>
          ))}
          {issues.length > 50 && <li>… and {issues.length - 50} more</li>}
        </ul>
      )}
    </div>
  );
}
