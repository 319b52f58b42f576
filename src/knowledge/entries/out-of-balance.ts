import type { KnowledgeEntry } from '../types.js';

export const outOfBalance: KnowledgeEntry = {
  id: 'out-of-balance',
  code: '402',
  statuses: [402],
  names: [
    'insufficient_quota',
    'insufficient balance',
    'insufficient_balance',
    'insufficient_user_quota',
    'pre_consume_token_quota_failed',
    'insufficient_credits',
    'billing_error',
    'payment required',
    'payment_required',
    'quota',
    'balance',
    'out-of-balance',
  ],
  fromSheet: true,
  title: 'Your RuAPI balance has run out',
  causes: [
    'The account balance reached zero, so the gateway refuses new requests until it is topped up.',
    'The key hit its own spend limit (set in Console → Tokens): that key stops while your other keys keep working.',
    'Agent tools (Claude Code, Cline and the like) and long contexts use tokens fast; dozens of requests a minute is normal for them.',
  ],
  fix: [
    'Top up in USDT from the console: at least 10 USDT; it is usually credited within 1–5 minutes.',
    'If only one key stopped, raise or remove its spend limit in Console → Tokens.',
    'Give each project or agent its own key with a spend limit, so one busy tool cannot drain the whole balance.',
    'Do not retry in a loop: a request fails the same way until the balance is positive again.',
  ],
  support:
    'If a top-up does not show up after a few minutes, write to support@ruapi.ai with the transaction id (TXID), the network, the sending address and the time; for a refused request, add its request id from Console → Logs.',
};
