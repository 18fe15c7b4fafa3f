/**
 * User authorisation: whether a method needs a user's session. The pages state it as doc labels
 * or as the SDK sample's `execute(req, sessionKey)`; `unknown` is the spec's value when no
 * source says (the markdown dump and the reduced records carry neither).
 */
export const AUTH_VALUES = ['none', 'optional', 'required', 'unknown'] as const;
export type Auth = (typeof AUTH_VALUES)[number];

/** What a page can state: every value but `unknown`. */
export type StatedAuth = Exclude<Auth, 'unknown'>;
