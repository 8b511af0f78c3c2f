/** The time, injectable so tests can move it (retention, digests, sign-in lockouts). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
