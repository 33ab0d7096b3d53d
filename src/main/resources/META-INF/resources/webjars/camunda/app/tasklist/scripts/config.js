// Tasklist configuration of the minor social protection platform.
// It replaces the webjar's config.js: Simplified Chinese is offered to browsers that ask for zh
// (zh, zh-CN, zh-Hans...), English to those that ask for en.
// Chinese is also the fallback, and so the only locale file a Chinese browser loads: with an
// English fallback both files load, and Camunda sets moment's global locale from whichever
// arrives last, so times such as "5 天后" could come out as "in 5 days".
// The platform's plugins: the 案情 tab on every task, case labels on the task cards, the case file
// (案卷检索), the task list's sorting label, the task header's district and version, a search
// without CMMN, the app menu in Chinese; the forms in Chinese with dates read strictly, and what a
// submission's refusal or success means (form-zh.js, form-feedback.js; see each script). The
// app's name, the shortcuts' descriptions too, are Chinese (login page, navbar, title, the 键盘快捷键
// dialog).
import { APP_NAMES, VENDOR } from './app-names.js';

export default {
  app: {
    name: APP_NAMES.tasklist,
    vendor: VENDOR
  },
  customScripts: [
    'scripts/task-list-sorting.js',
    'scripts/task-context.js',
    'scripts/task-labels.js',
    'scripts/case-search.js',
    'scripts/task-header.js',
    'scripts/without-cmmn.js',
    'scripts/app-menu.js',
    'scripts/form-zh.js',
    'scripts/form-feedback.js'
  ],
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '聚焦到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '聚焦到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '聚焦到表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
