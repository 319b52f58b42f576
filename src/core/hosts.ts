import { RUAPI_HOSTS } from './ruapi.js';

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
}

/** An IP address of this machine's loopback: 127.0.0.0/8, ::1, or 127.x mapped into IPv6 (`::ffff:127.0.0.1`). Names are not addresses. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d)/, '');
  return /^127(\.\d{1,3}){3}$/.test(a) || a === '::1' || a === '0:0:0:0:0:0:0:1';
}

export function isRuapiHost(hostname: string): boolean {
  return RUAPI_HOSTS.includes(hostname.toLowerCase().replace(/\.$/, ''));
}
