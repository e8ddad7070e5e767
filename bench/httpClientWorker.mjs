// A loopback HTTP client in its own thread, like terraform in its own process: the timed request
// does not share an event loop with the server it measures. Messages: {id, url, method, headers, body}.
import { request, Agent } from 'node:http';
import { parentPort } from 'node:worker_threads';

const agent = new Agent({ keepAlive: true });
parentPort.on('message', ({ id, url, method, headers, body }) => {
  // a view of the received bytes, made before timing: copying them is the client's work, not the server's
  const payload = body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : undefined;
  const start = performance.now();
  const outgoing = request(url, { method, headers, agent }, (response) => {
    let length = 0;
    response.on('data', (chunk) => (length += chunk.length));
    response.on('end', () => parentPort.postMessage({ id, status: response.statusCode, length, ms: performance.now() - start }));
  });
  outgoing.on('error', (error) => parentPort.postMessage({ id, error: error.message }));
  outgoing.end(payload);
});
