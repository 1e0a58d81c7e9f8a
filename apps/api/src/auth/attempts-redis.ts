import type { Redis } from 'ioredis';
import type { AttemptStore } from './attempt-store';

// INCR and the window's expiry in one script: concurrent attempts on any instance each get
// their own count, and no counter is ever left without an expiry.
const countScript = `
local replies = {}
for _, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  local left = redis.call('PTTL', key)
  if left < 0 then
    redis.call('PEXPIRE', key, ARGV[1])
    left = tonumber(ARGV[1])
  end
  table.insert(replies, count)
  table.insert(replies, left)
end
return replies`;

const settleScript = `
redis.call('DEL', KEYS[1])
if (tonumber(redis.call('GET', KEYS[2])) or 0) > 0 then redis.call('DECR', KEYS[2]) end
return 1`;

/** Counters in Redis, shared by every instance; each call fails fast when Redis does not answer. */
export function redisAttemptStore(redis: Redis, namespace: string): AttemptStore {
  // One hash tag: both keys of an attempt live in one Redis Cluster slot, as a script needs.
  const redisKeys = (keys: { email: string; ip: string }) => [
    `{${namespace}:login}:email:${keys.email}`,
    `{${namespace}:login}:ip:${keys.ip}`,
  ];
  return {
    async count(keys, windowMs) {
      const replies = await redis.eval(countScript, 2, ...redisKeys(keys), windowMs);
      const [emailCount, emailLeft, ipCount, ipLeft] = Array.isArray(replies)
        ? replies.map(Number)
        : [];
      if (ipLeft === undefined) throw new Error(`unexpected throttle reply: ${String(replies)}`);
      return {
        email: { count: emailCount ?? 0, msLeft: emailLeft ?? 0 },
        ip: { count: ipCount ?? 0, msLeft: ipLeft },
      };
    },
    async settle(keys) {
      await redis.eval(settleScript, 2, ...redisKeys(keys));
    },
  };
}
