/** The one source of time for the server, so tests and demo seeding can move it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const iso = (d: Date): string => d.toISOString();
