// Welcome page configuration of the minor social protection platform.
// It replaces the webjar's config.js: Simplified Chinese is offered to browsers that ask for zh
// (zh, zh-CN, zh-Hans...), English to those that ask for en; Chinese is the fallback (see the
// Tasklist's config.js).
import { APP_NAMES, VENDOR } from '../../tasklist/scripts/app-names.js';

export default {
  // The app's name in Chinese on its login page, navbar and title (scripts/app-names.js).
  app: {
    name: APP_NAMES.welcome,
    vendor: VENDOR
  },
  customScripts: ['../tasklist/scripts/app-menu.js'],
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh'
  }
};
