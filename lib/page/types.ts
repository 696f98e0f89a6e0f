// Function shapes through which page-side code talks to the background (given by the entry point).
import type { MessageType, RequestOf, ResponseOf } from '../messages';

export type ProtocolRequestFn<K extends MessageType> = (data: RequestOf<K>) => Promise<ResponseOf<K>>;
