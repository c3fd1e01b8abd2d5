/**
 * Errors about an input document, located from the moment they are raised:
 * the file (or URL), the JSON pointer inside it and, where there is one, the
 * operation. CLIs print `message` as is and exit 2.
 */
export interface SpecLocation {
  /** File path or URL of the document. */
  readonly source: string;
  /** RFC 6901 JSON pointer inside the document ("" for the whole document). */
  readonly pointer?: string;
  /** `operationId`, or `METHOD /path` for an operation without one. */
  readonly operation?: string;
}

export class SpecError extends Error {
  override readonly name = "SpecError";
  readonly location: SpecLocation;
  readonly problem: string;

  constructor(location: SpecLocation, problem: string, options?: { cause?: unknown }) {
    super(formatLocated(location, problem), options);
    this.location = location;
    this.problem = problem;
  }
}

export function formatLocated(location: SpecLocation, problem: string): string {
  const where = [location.source];
  if (location.pointer !== undefined) where.push(`#${location.pointer}`);
  const operation = location.operation ? ` (operation ${location.operation})` : "";
  return `${where.join("")}${operation}: ${problem}`;
}
