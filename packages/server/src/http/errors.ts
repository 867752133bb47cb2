/**
 * Typed domain errors. The core throws these; one error handler (http/error-handler.ts)
 * maps them to HTTP, so every response has the same shape and a message a user can act on.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface Issue {
  path: string;
  message: string;
}

export class ValidationFailedError extends DomainError {
  constructor(message: string, issues: Issue[]) {
    super('validation_failed', message, 400, { issues });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Please log in to continue.') {
    super('unauthenticated', message, 401);
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('invalid_credentials', 'That email and password do not match an active account.', 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this action.') {
    super('forbidden', message, 403);
  }
}

/** Also used for other tenants' ids, so that their existence is never revealed. */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found.`, 404);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('conflict', message, 409, details);
  }
}

export class InvalidTokenError extends DomainError {
  constructor(message = 'This link is invalid or has expired. Ask for a new one.') {
    super('invalid_token', message, 400);
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'too_many_attempts',
      `Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`,
      429,
      { retryAfterSeconds },
    );
  }
}

export class CsrfError extends DomainError {
  constructor() {
    super(
      'csrf_failed',
      'This request was not sent by the Twofold app (missing or wrong CSRF token). Reload the page and try again.',
      403,
    );
  }
}

/** One problem of an uploaded CSV file, where a spreadsheet user can find it. */
export interface CsvProblem {
  line: number;
  column: string;
  message: string;
}

/** An upload refused whole: every problem by line and column, nothing stored. */
export class CsvInvalidError extends DomainError {
  constructor(problems: CsvProblem[]) {
    const first = problems.slice(0, 3).map((p) => `line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
    super(
      'csv_invalid',
      `Nothing was imported: ${problems.length} problem(s) in the file. ${first.join(' ')}${problems.length > 3 ? ' …' : ''}`,
      400,
      { problems },
    );
  }
}
