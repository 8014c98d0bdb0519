/**
 * i18next for every screen: Bahasa Indonesia first, English second. Each area of the UI keeps its
 * texts in `ns/<namespace>.ts` ({id, en}); they are all picked up here, so adding a screen never
 * means editing a shared file. Domain words stay Indonesian in both languages (LHU, Penyelia, TTE).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

type Bundle = { id: Record<string, unknown>; en: Record<string, unknown> };
const modules = import.meta.glob<{ default: Bundle }>('./ns/*.ts', { eager: true });

const resources: Record<'id' | 'en', Record<string, Record<string, unknown>>> = { id: {}, en: {} };
for (const [path, mod] of Object.entries(modules)) {
  const ns = /\/ns\/(.+)\.ts$/.exec(path)?.[1];
  if (!ns) continue;
  resources.id[ns] = mod.default.id;
  resources.en[ns] = mod.default.en;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: 'id',
  fallbackLng: 'id',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
