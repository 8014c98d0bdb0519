/** The portal's language: Indonesian first, English on request, remembered on this device. */
import i18n from '../i18n';

const KEY = 'sippt.portal.lang';

export function applyStoredLanguage(): void {
  let lang = 'id';
  try {
    lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    /* storage blocked: Indonesian */
  }
  void setLanguage(lang as 'id' | 'en');
}

export async function setLanguage(lang: 'id' | 'en'): Promise<void> {
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* not remembered */
  }
}
