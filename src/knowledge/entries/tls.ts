import type { KnowledgeEntry } from '../types.js';

export const tls: KnowledgeEntry = {
  id: 'tls',
  code: 'tls',
  statuses: [],
  names: [
    'tls',
    'ssl',
    'certificate',
    'SSLError',
    'SSLCertVerificationError',
    'CERTIFICATE_VERIFY_FAILED',
    'CERT_HAS_EXPIRED',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'EPROTO',
  ],
  fromSheet: false,
  title: 'The secure connection failed (TLS / certificate)',
  causes: [
    'A proxy, VPN or antivirus intercepts HTTPS and shows its own certificate, which your runtime does not trust.',
    'The system clock is wrong, so a valid certificate looks expired or not yet valid.',
    'The runtime\'s list of trusted certificates is outdated, or the URL says https on a port that speaks plain http.',
  ],
  fix: [
    'Check the date and time of this machine.',
    'If your company inspects HTTPS, give the runtime its certificate: NODE_EXTRA_CA_CERTS for Node, SSL_CERT_FILE or REQUESTS_CA_BUNDLE for Python.',
    'Do not turn verification off (NODE_TLS_REJECT_UNAUTHORIZED=0, verify=False): that hands your key to whoever sits in the middle.',
    'Update the runtime\'s certificates (Python: `pip install -U certifi`; Node: a current release).',
  ],
  support: 'TLS failures happen before RuAPI sees the request, so there is no request id; if the certificate of www.ruapi.ai looks wrong from a clean network, tell support@ruapi.ai.',
};
