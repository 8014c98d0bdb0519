/**
 * The portal's addresses (Indonesian, as the customer reads them). The server answers each with
 * index.html (the list in shared/portal-pages.ts; a unit test keeps the server's list equal to it).
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
