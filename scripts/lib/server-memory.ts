// The memory settings every `next start` of ours runs with (npm start, the cluster, the stress soak).
//
// Measured with `npm run stress -- --soak` (README, "Stress and soak"): after its first minute a
// server's live JavaScript data stays flat near 90 MB, yet its RSS sat at 560–650 MB and crept up,
// for two reasons that are settings, not leaks:
//
// - V8 lets its heap grow to 4× the live data when the heap may reach 2 GB or more, which is Node's
//   default on any machine with 8 GB of memory or more: 330–360 MB of heap for 90 MB of data,
//   ratcheting up under load. Under a 1 GB limit V8 grows it by at most 1.6× (its growing factor
//   scales from 1.3 at 256 MB to 4 at 2 GB), more than ten times the live data away from the limit.
// - glibc gives each thread that allocates its own 64 MB arena and keeps what is freed in it for
//   reuse: the worker threads' zlib, file and GC allocations left over 100 MB resident in arenas.
//   Two arenas are plenty for one JavaScript thread. And once a large block (a response body, a
//   zlib window) is freed, glibc raises the size above which it maps blocks of their own (returned
//   to the system when freed) from 128 KB up to 32 MB; larger blocks then come from the arenas
//   and leave them fragmented: the main arena grew by about 1 MB a minute in the soak. Pinning the
//   threshold at its initial 128 KB keeps it from moving.
//
// An operator's own choice wins: a NODE_OPTIONS that sets the heap, or a MALLOC_* variable, is kept.

export const SERVER_HEAP_MB = 1024;
const MALLOC = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: String(128 * 1024) };

/** `env` for a `next start` process, with the heap limit and malloc settings above unless already set. */
export function serverMemoryEnv<E extends Record<string, string | undefined>>(
  env: E,
): E & { NODE_OPTIONS: string } & typeof MALLOC {
  const options = env.NODE_OPTIONS?.trim() ?? "";
  const heapSet = /--max[-_]old[-_]space[-_]size\b/.test(options);
  return {
    ...env,
    NODE_OPTIONS: heapSet ? options : `${options} --max-old-space-size=${SERVER_HEAP_MB}`.trim(),
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || MALLOC.MALLOC_ARENA_MAX,
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ || MALLOC.MALLOC_MMAP_THRESHOLD_,
  };
}
