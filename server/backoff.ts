/**
 * The pause before another attempt of a change that lost a commit race (compare-and-set): random,
 * up to 2^attempt ms (at most 50 ms), so writers that keep colliding on one namespace or rollout
 * drift apart instead of colliding again. With several replicas on PostgreSQL a read-plan-commit
 * round takes long enough for collisions to repeat; on SQLite they are rare and this rarely runs.
 */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
