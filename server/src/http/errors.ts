import {
  type ApiErrorBody,
  ERRORS,
  type ErrorCode,
  errorMessage,
  type Locale,
  type ValidationIssue,
} from '@trame/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** An error the client is meant to see: its code picks the status and the translated message. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: ValidationIssue[],
  ) {
    super(code);
    this.status = ERRORS[code].status;
  }
}

export function errorBody(
  code: ErrorCode,
  locale: Locale,
  params?: Record<string, string | number>,
  details?: ValidationIssue[],
): ApiErrorBody {
  return {
    error: { code, message: errorMessage(code, locale, params), ...(details ? { details } : {}) },
  };
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new HttpError('not_found'));
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns any thrown error into the API's `{ error: { code, message } }` shape. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const locale = req.locale ?? 'fr';
    if (err instanceof HttpError) {
      res.status(err.status).json(errorBody(err.code, locale, err.params, err.details));
      return;
    }
    const parserType = (err as BodyParserError | null)?.type;
    if (parserType === 'entity.too.large') {
      res.status(413).json(errorBody('payload_too_large', locale));
      return;
    }
    if (parserType === 'entity.parse.failed' || parserType === 'encoding.unsupported') {
      res.status(400).json(errorBody('malformed_json', locale));
      return;
    }
    // Express marks what it could not parse, e.g. a bad percent-encoding in the path, as 400.
    if ((err as BodyParserError | null)?.status === 400) {
      res.status(400).json(errorBody('malformed_request', locale));
      return;
    }
    logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json(errorBody('internal', locale));
  };
}
