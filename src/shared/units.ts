/** The unit tree: the limits the server's schemas and the web's forms both enforce. */

export const UNIT_LIMITS = {
  code: 32,
  nameMin: 2,
  name: 300,
  superiorName: 300,
} as const;
