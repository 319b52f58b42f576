import type { LiveLink } from '../link.js';
import { http } from './http.js';
import { key } from './key.js';
import { model } from './model.js';
import { probe } from './probe.js';
import { stream } from './stream.js';

/**
 * The links of the live chain, in the order they run. The connection steps (DNS, TCP, TLS) are
 * proven by the first request, the HTTP link's; each later link is proven by its own request or
 * by the gateway's answers before it.
 */
export const LINKS: readonly LiveLink[] = [http, key, model, probe, stream];
