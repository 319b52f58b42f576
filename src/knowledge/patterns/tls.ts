import type { Pattern } from '../types.js';

/** What points at the `tls` entry (src/knowledge/entries/tls.ts) in pasted text. */
export const tls: readonly Pattern[] = [
  { text: 'certificate verify failed', weight: 14, says: 'The server\'s certificate was not trusted here: often a proxy or antivirus that inspects HTTPS.' },
  { text: 'certificate_verify_failed', weight: 14 },
  { text: 'unable to get local issuer certificate', weight: 14 },
  { text: 'self signed certificate', weight: 12, says: 'A self-signed certificate came back: something between you and RuAPI intercepts HTTPS.' },
  { text: 'self-signed certificate', weight: 12, says: 'A self-signed certificate came back: something between you and RuAPI intercepts HTTPS.' },
  { text: 'certificate has expired', weight: 12, says: 'The certificate looks expired: check this machine\'s clock first.' },
  { text: 'cert_has_expired', weight: 12 },
  { text: 'self_signed_cert_in_chain', weight: 14, says: 'A self-signed certificate sits in the chain: something between you and RuAPI (a company proxy, antivirus) intercepts HTTPS.' },
  { text: 'unable to verify the first certificate', weight: 14 },
  { text: 'sslerror', weight: 8 },
  { text: 'ssl', weight: 2, word: true },
  { text: 'tls', weight: 2, word: true },
];
