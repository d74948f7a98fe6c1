/** The workspace's roles; each can do what the ones before it can. */
export const userRoles = ['volunteer', 'reviewer', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];
