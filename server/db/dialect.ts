/** The two databases the server runs on. A file of its own: the migrations name it without importing connect.ts. */
export type DialectName = 'sqlite' | 'postgres';
