/**
 * The portal's addresses (Indonesian, as the customer reads them). The server answers each with
 * index.html (server/http/routes/portal.ts PORTAL_PAGES; a unit test keeps the two lists equal).
 */
export const PATHS = {
  home: '/',
  register: '/daftar',
  login: '/masuk',
  forgot: '/lupa-sandi',
  orders: '/pesanan',
  newOrder: '/pesanan/baru',
  order: (id: string) => `/pesanan/${id}`,
  billing: (id: string) => `/pesanan/${id}/ebilling`,
  survey: (id: string) => `/pesanan/${id}/survei`,
  correct: (id: string) => `/pesanan/${id}/perbaiki`,
  profile: '/profil',
} as const;

/** The page patterns the server must answer with the portal (the SPA fallback). */
export const SERVED_PAGES = [
  '/',
  '/daftar',
  '/masuk',
  '/lupa-sandi',
  '/pesanan',
  '/pesanan/*',
  '/profil',
] as const;
