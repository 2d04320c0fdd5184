// Bounding a wait: probes and platform deadlines must get an answer even when Redis or an API stalls.

/**
 * `p`, or a rejection ("no answer within <ms> ms") once `ms` have passed. The timer is cleared as
 * soon as either settles, so it never keeps the process alive.
 */
export function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
