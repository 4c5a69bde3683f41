import type Redis from "ioredis";

export function sharedRedis(): Redis | null;
export function sharedSubscriber(): Redis | null;
export function redisAnswers(): Promise<boolean>;
export function closeSharedRedis(): Promise<void>;
export function redisKey(name: string): string;
