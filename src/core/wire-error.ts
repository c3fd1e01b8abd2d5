/**
 * The JSON body of an ARTU error response, as the runtime parses it and the
 * emulator sends it. ARTU's documents list no error responses and its wire
 * format was not seen: this shape is inferred from the official SDK's error
 * classes (`code`, `message`, `ValidationError.issues`). The request id also
 * travels in the `x-request-id` response header.
 */
export interface ArtuErrorBody {
  /** Machine-readable code: VALIDATION_ERROR, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, INTERNAL, NOT_IMPLEMENTED, … */
  code: string;
  message: string;
  /** Validation problems: `path` is a JSON pointer into the request (`/body/items/3/type`, `/query/limit`, `/path/id`). */
  issues?: { path: string; message: string }[];
  requestId?: string;
}

export const REQUEST_ID_HEADER = "x-request-id";
