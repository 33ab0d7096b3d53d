// Welcome page configuration of the minor social protection platform.
// It replaces the webjar's config.js: Simplified Chinese is offered to browsers that ask for zh
// (zh, zh-CN, zh-Hans...), English to those that ask for en; Chinese is the fallback (see the
// Tasklist's config.js).
export default {
  // The app's name in Chinese on its login page, navbar and title.
  app: {
    name: '平台首页',
    vendor: '未成年人社会保护平台'
  },
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh'
  }
};
