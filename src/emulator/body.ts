/**
 * Reads a request's JSON body within REQUEST_LIMITS: the byte cap is checked
 * on Content-Length and again while the body streams in (reading stops at
 * the cap), the structure by scanJson before JSON.parse, so no body can make
 * the emulator parse, clone or validate more than the limits allow.
 */
import type { IncomingMessage } from "node:http";
import { EmulatorError } from "./errors";
import { scanJson } from "./json-scan";
import type { RequestLimits } from "./limits";

export async function readJsonBody(req: IncomingMessage, limits: RequestLimits): Promise<unknown> {
  const text = (await readBytes(req, limits.maxBodyBytes)).toString("utf8");
  if (text.trim() === "") return undefined;
  const problem = scanJson(text, limits);
  if (problem) throw new EmulatorError(400, "VALIDATION_ERROR", `the request body is refused: ${problem.path} ${problem.message}`, [problem]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EmulatorError(400, "VALIDATION_ERROR", `the request body is not valid JSON: ${(error as Error).message}`, [{ path: "/body", message: "is not valid JSON" }]);
  }
}

function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Stop reading; the answer closes the connection, so the rest is never read.
      req.off("data", onData);
      req.pause();
      reject(tooLarge(maxBytes));
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

const tooLarge = (maxBytes: number): EmulatorError =>
  new EmulatorError(413, "PAYLOAD_TOO_LARGE", `request bodies are limited to ${maxBytes} bytes`, [{ path: "/body", message: `is larger than ${maxBytes} bytes` }], {
    connection: "close",
  });
