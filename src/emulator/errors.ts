/**
 * Errors the emulator answers with, in the wire format shared with the
 * client (`src/core/wire-error.ts`). Handlers throw them; the server turns
 * them into responses.
 */
import type { ArtuErrorBody } from "../core/wire-error";

export type Issue = { path: string; message: string };

export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "EmulatorError";
  }

  toBody(requestId: string): ArtuErrorBody {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}), requestId };
  }
}

export const notFound = (what: string, id: string): EmulatorError =>
  new EmulatorError(404, "NOT_FOUND", `${what} ${JSON.stringify(id)} not found`);

export const conflict = (message: string, issues?: Issue[]): EmulatorError => new EmulatorError(409, "CONFLICT", message, issues);

export const validationError = (message: string, issues: Issue[]): EmulatorError =>
  new EmulatorError(400, "VALIDATION_ERROR", message, issues);

/** A semantic validation problem at one JSON pointer of the request (`/body/items/3/street`). */
export const invalidAt = (path: string, message: string): EmulatorError =>
  validationError(`${path}: ${message}`, [{ path, message }]);
