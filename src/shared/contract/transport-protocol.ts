// Wire details shared by both ends of each transport.

/** Electron IPC channels (the preload exposes them as one narrow object, never ipcRenderer). */
export const IPC_INVOKE_CHANNEL = 'tillit:invoke';
export const IPC_EVENT_CHANNEL = 'tillit:event';

/**
 * Loopback HTTP (browser mode):
 * - POST /api/<method> with `Authorization: Bearer <token>` and a JSON body → 200 + envelope
 *   (also for ok: false); 401 without the right token; 403 for a foreign Host header.
 * - GET /api/events?token=<token> → text/event-stream, `event: <name>` + `data: <json>`.
 * - The app URL is http://127.0.0.1:<port>/#token=<token>; the server writes it into a redirect
 *   file readable only by the user and prints that file's path (the token is in no command
 *   line). The page keeps the token in sessionStorage and removes it from the address bar.
 */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
export const TOKEN_HASH_KEY = 'token';

/** The object the Electron preload puts on window, identical in shape to a Transport. */
export const PRELOAD_GLOBAL = 'tillit';
