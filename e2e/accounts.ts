/** Staff accounts that scripts/e2e-server.ts creates on the scratch database, for every spec. */
export const E2E_PASSWORD = 'e2e newsroom passphrase';

export const E2E_ACCOUNTS = {
  admin: { email: 'admin@e2e.test', name: 'Ada Admin', role: 'admin' },
  editor: { email: 'editor@e2e.test', name: 'Eddie Editor', role: 'editor' },
  author: { email: 'author@e2e.test', name: 'Arun Author', role: 'author' },
  otherAuthor: { email: 'author2@e2e.test', name: 'Bea Writer', role: 'author' },
} as const;
