import { describe, expect, it } from 'vitest';
import { fakeGateway, json, live, target } from '../helpers/live.js';

/**
 * The doctor reads the gateway family's own messages (new-api / one-api, fixtures/gateway-messages)
 * with the same judge as `explain`: a gateway that answers the probe with one of them gets the
 * finding `explain` would give.
 */
describe("the gateway family's answers, as the doctor sees them", () => {
  it.each([
    [401, { error: { message: '该令牌状态不可用 (request id: 20260920070445334740893cbKoSGZo)', type: 'new_api_error' } }, 'live/401'],
    [401, { error: { message: 'This token quota is exhausted TokenStatusExhausted[sk-abcd***wxyz]', type: 'new_api_error' } }, 'live/402'],
    [403, { error: { message: '预扣费额度失败, 用户剩余额度: ＄0.539534, 需要预扣费额度: ＄2.906176', type: 'new_api_error', code: 'insufficient_user_quota' } }, 'live/402'],
    [403, { error: { message: 'This token has no access to model m-1', type: 'new_api_error' } }, 'live/403'],
    [503, { error: { message: 'No available channel for model m-1 under group default (distributor)', type: 'new_api_error', code: 'model_not_found' } }, 'live/404-model'],
    [429, { error: { message: 'Вы достигли лимита запросов: максимум 60 запросов за 1 минут', type: 'new_api_error' } }, 'live/429'],
  ])('a %i with %j is %s', async (status, body, id) => {
    const gw = await fakeGateway((req, res) => (req.url.endsWith('/models') ? json(res, 200, { data: [{ id: 'm-1' }] }) : json(res, status, body)));
    try {
      const r = await live(target('openai', `${gw.url}/v1`, 'sk-newapi-key-000000001', 'm-1'));
      expect(r.ids).toContain(id);
    } finally {
      await gw.close();
    }
  });
});
