// Admin configuration of the minor social protection platform.
// It replaces the webjar's config.js: Simplified Chinese is offered to browsers that ask for zh,
// and is the fallback (see the Tasklist's config.js).
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh'
  }
};
