import type { Pattern } from '../types.js';

/** What points at the `stream-timeout` entry (src/knowledge/entries/stream-timeout.ts) in pasted text. */
export const streamTimeout: readonly Pattern[] = [
  { text: 'request timed out', weight: 12, says: 'The client gave up waiting for the answer: raise its time-out, and stream long answers.' },
  { text: 'timed out', weight: 8 },
  { text: 'timeout', weight: 3, word: true },
  { text: 'und_err_headers_timeout', weight: 12, says: 'Node\'s fetch gave up waiting for the response headers: the answer took longer than its time-out.' },
  { text: 'headers timeout error', weight: 10 },
  { text: 'terminated', weight: 6, word: true, says: 'The connection was cut in the middle of the answer (often a proxy closing a long stream).' },
  { text: 'other side closed', weight: 14, says: 'The server side or a proxy closed the connection in the middle of the answer.' },
  { text: 'peer closed connection without sending complete message body', weight: 14, says: 'The connection was cut before the whole answer arrived (often a proxy closing a long stream).' },
  { text: 'incomplete chunked read', weight: 12, says: 'The connection was cut before the whole answer arrived (often a proxy closing a long stream).' },
  { text: 'socket hang up', weight: 8, says: 'The connection was closed before an answer came back.' },
  { text: 'closed unexpectedly', weight: 10, says: 'The connection was closed in the middle of the request (often a proxy or a network drop).' },
  { text: 'ms exceeded', weight: 8, says: 'The client stopped waiting after its time-out: raise it, and stream long answers.' },
  // Clients' own wordings for a stalled or cut stream: Claude Code, Codex, urllib3/requests, node-fetch.
  { text: 'stream idle timeout', weight: 14, says: 'The stream stalled: no data arrived for the client\'s idle window (a slow model, or a proxy holding the stream).' },
  { text: 'stream disconnected before completion', weight: 12, says: 'The stream was cut before the answer was complete (a proxy or a network drop, or a server-side failure).' },
  { text: 'stream closed before response.completed', weight: 14, says: 'The stream ended before the answer was complete: often a proxy or a gateway closing long streams.' },
  { text: 'connection broken:', weight: 12, says: 'The answer was cut off in the middle of the body (urllib3\'s "Connection broken"): often a proxy closing a long stream.', source: '213-gpt-engineer-urllib3-invalid-chunk-length.txt' },
  { text: 'premature close', weight: 12, says: 'The connection closed before the whole answer arrived (often a proxy closing a long stream).' },
  { text: 'err_stream_premature_close', weight: 4 },
  { text: 'response ended prematurely', weight: 14, says: 'The answer ended before it was complete: the connection was cut mid-stream.' },
  { text: 'streaming is required for operations that may take longer than 10 minutes', weight: 12, says: 'The Anthropic SDK refuses long non-streaming requests: turn streaming on.' },
];
