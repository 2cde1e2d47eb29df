export * from './envelope.ts';
export * from './events.ts';
export * from './requests.ts';
export * from './client.ts';
export type * from './dto.ts';
export * from './transport-protocol.ts';
