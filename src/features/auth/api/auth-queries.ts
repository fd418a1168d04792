import { meQuery } from '../../../lib/session-query';

export const authQueries = {
  all: () => ['auth'] as const,
  me: meQuery,
};
