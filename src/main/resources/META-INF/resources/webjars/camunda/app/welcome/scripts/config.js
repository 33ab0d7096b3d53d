// Welcome page configuration of the minor social protection platform.
// It replaces the webjar's config.js: Simplified Chinese is offered to browsers that ask for zh
// (zh, zh-CN, zh-Hans...), English stays the fallback.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
