// Cockpit configuration of the minor social protection platform.
// It replaces the webjar's config.js: Simplified Chinese for browsers that ask for zh (and as
// the fallback: see the Tasklist's config.js), and the supervisors' page (督导, #/supervision)
// with its menu entry.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh'
  },
  customScripts: ['scripts/supervision-page.js']
};
