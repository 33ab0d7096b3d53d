// Cockpit configuration of the minor social protection platform.
// It replaces the webjar's config.js: Simplified Chinese for browsers that ask for zh (and as
// the fallback: see the Tasklist's config.js), the supervisors' page (督导, #/supervision) with its
// menu entry, and the app menu in Chinese.
import { APP_NAMES, VENDOR } from '../../tasklist/scripts/app-names.js';

export default {
  // The app's name in Chinese on its login page, navbar and title (scripts/app-names.js).
  app: {
    name: APP_NAMES.cockpit,
    vendor: VENDOR
  },
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh'
  },
  customScripts: ['scripts/supervision-page.js', '../tasklist/scripts/app-menu.js']
};
