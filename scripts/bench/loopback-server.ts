/** Child process of the request-overhead bench: answers every request with the same JSON body. */
import { createServer } from "node:http";

const body = Buffer.from(process.argv[2] ?? "{}");
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.(typeof address === "object" && address ? address.port : 0);
});
