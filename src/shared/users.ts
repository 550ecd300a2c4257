/** Accounts and sign-in: the limits the server's schemas and the web's forms both enforce. */

export const USER_LIMITS = {
  usernameMin: 3,
  username: 64,
  fullNameMin: 2,
  fullName: 200,
  email: 200,
  passwordMin: 8,
  password: 200,
} as const;
