// Worker entry when the server runs from its TypeScript sources (tsx, vitest): loads tsx into the
// worker thread, then the task module beside it. The production bundle uses dist/server/pdf-worker.js.
import { register } from 'tsx/esm/api';

register();
const tasks = await import(new URL('./pdf-worker.ts', import.meta.url).href);
export const { render, preview, prepareSigning, embedCms, verifySigned, checkSignature, sleep } = tasks;
