// Wire details shared by both ends of each transport.

/** Electron IPC channels (the preload exposes them as one narrow object, never ipcRenderer). */
export const IPC_INVOKE_CHANNEL = 'tillit:invoke';
export const IPC_EVENT_CHANNEL = 'tillit:event';

/**
 * Loopback HTTP (browser mode):
 * - POST /api/<method> with `Authorization: Bearer <token>` and a JSON body → 200 + envelope
 *   (also for ok: false); 401 without the right token; 403 for a foreign Host header.
 * - GET /api/events?token=<token> → text/event-stream, `event: <name>` + `data: <json>`.
 * - The server writes a redirect file readable only by the user and prints that file's path
 *   (the token is in no command line). The file's form posts `token=<token>` to POST /open;
 *   the answer is a 303 to / with a one-time code in a cookie (tillit-open), and the page
 *   fetched with it carries the token in <meta name="tillit-token">, once; so the token is in
 *   no URL, no browser history and no saved form data. The page keeps it in sessionStorage.
 * - http://127.0.0.1:<port>/#token=<token> works too (tests, a link typed by hand); the page
 *   then takes the token out of the address bar.
 */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
export const TOKEN_HASH_KEY = 'token';
export const HTTP_OPEN_PATH = '/open';
export const TOKEN_FORM_FIELD = 'token';
export const TOKEN_META_NAME = 'tillit-token';

/** The object the Electron preload puts on window, identical in shape to a Transport. */
export const PRELOAD_GLOBAL = 'tillit';
