// The webapps' names in Chinese: each app's config.js gives its own to Camunda (login page,
// navbar, window title), and app-menu.js gives all of them to the app menu.
export const VENDOR = '未成年人社会保护平台';

export const APP_NAMES = {
  welcome: '平台首页',
  tasklist: '任务列表',
  cockpit: '流程监控',
  admin: '系统管理'
};
