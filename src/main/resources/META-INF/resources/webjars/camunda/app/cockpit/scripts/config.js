// Cockpit configuration of the minor social protection platform.
// It replaces the webjar's config.js: Simplified Chinese for browsers that ask for zh (and as
// the fallback: see the Tasklist's config.js), and the supervision dashboard (绩效督导) as a
// plugin on the Cockpit dashboard.
export default {
  // The app's name in Chinese on its login page, navbar and title.
  app: {
    name: '流程监控',
    vendor: '未成年人社会保护平台'
  },
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh'
  },
  customScripts: ['scripts/supervision-dashboard.js']
};
