// The one Redis connection of this process (REDIS_URL), for everything that uses Redis: the cache
// handlers, the rate limiters, the route verdicts. It lives in cache-handlers/redis.js because Next
// loads the cache handlers unbundled; this module is how app code reaches it.
export {
  redisAnswers,
  redisKey,
  sharedRedis,
  sharedSubscriber,
} from "@/cache-handlers/redis";
