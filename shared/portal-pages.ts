/**
 * The customer portal's page patterns, in the Indonesian the customer reads: the server answers
 * each with the portal's index.html (the SPA fallback), and the portal routes them.
 */
export const PORTAL_PAGES = [
  '/',
  '/daftar',
  '/masuk',
  '/lupa-sandi',
  '/pesanan',
  '/pesanan/*',
  '/profil',
] as const;
