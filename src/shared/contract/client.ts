// The typed client the renderer (and tests) use. A transport moves envelopes; the client
// turns them into values or ApiCallErrors with the same code and message main produced.

import { ApiCallError, type Envelope } from './envelope.ts';
import type { EventMap, EventName } from './events.ts';
import type { Method, RequestInput, ResponseMap } from './requests.ts';

export interface Transport {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to every event; returns an unsubscribe function. */
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

export interface ApiClient {
  call<M extends Method>(method: M, input: RequestInput<M>): Promise<ResponseMap[M]>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const envelope = await transport.invoke(method, input);
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      // The envelope came from main's handler table, which produced ResponseMap[M].
      return envelope.value as ResponseMap[typeof method];
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as EventMap[typeof event]);
      });
    },
  };
}
