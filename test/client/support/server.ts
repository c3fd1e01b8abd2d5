/**
 * A scriptable HTTP server on 127.0.0.1 for client tests: records every
 * request (method, url, headers, body) and every TCP connection, and answers
 * with the test's handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse, index: number) => void | Promise<void>;

export interface TestServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted (including ones destroyed before a request was read). */
  connections: number;
  handle(handler: Handler): void;
  /** Reset (TCP RST) every new connection at once, before reading anything. */
  destroyOnConnect(enabled: boolean): void;
  close(): Promise<void>;
}

export async function startServer(handler: Handler = (_, response) => json(response, 200, {})): Promise<TestServer> {
  let current = handler;
  let destroyOnConnect = false;
  const sockets = new Set<Socket>();
  const state = {
    requests: [] as RecordedRequest[],
    connections: 0,
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    state.requests.push(recorded);
    try {
      await current(recorded, res, state.requests.length - 1);
    } catch (error) {
      res.destroy(error as Error);
    }
  });
  server.on("connection", (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    if (destroyOnConnect) socket.resetAndDestroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    set connections(value: number) {
      state.connections = value;
    },
    handle(next) {
      current = next;
    },
    destroyOnConnect(enabled) {
      destroyOnConnect = enabled;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function text(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(body), ...headers });
  response.end(body);
}

/**
 * One server for a test file: started before its tests (handed to `onStart`),
 * its recorded requests cleared before each test, closed after them.
 */
export function serveDuringTests(onStart: (server: TestServer) => void, handler?: Handler): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(handler);
    onStart(server);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.requests.length = 0;
  });
}
