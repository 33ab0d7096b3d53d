// Forms a Chinese caseworker can trust (issue 16). The form-js 1.x inside Tasklist 7.24 has no
// translations and a date picker (flatpickr) that takes its format from the browser's default
// locale and reads whatever is typed with it, overflowing a month 13 into the next year: a typed
// 2026-12-01 was stored as 2027-08-06. Here, on every form Tasklist renders:
// - form-js' own words in Chinese: its validation messages where they are made (its validator),
//   the words it renders (placeholders, empty lists, buttons' labels) as they appear;
// - every date field: a Chinese calendar starting on Monday, the format 年-月-日 (yyyy-MM-dd),
//   and a typed date taken only when it is a real date in that format (2026/12/1 and 2026年12月1日
//   are read as such), not after today where the form marks the field as about the past
//   ("properties": {"past": "true"}); anything else stays as typed, with the reason under the
//   field, and the form is not submitted;
// - Escape in a field closes only the picker or list it is in, not the 发起流程 dialog, and that
//   dialog asks before it drops what was typed.
import { el } from './case-common.js';
import { eachForm, fieldById, addCheck, revalidate } from './form-common.js';

const WORDS = {
  Select: '请选择',
  Search: '输入以搜索',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Remove tag': '移除',
  'Skip to search': '跳到搜索',
  'Add new': '新增一项',
  Collapse: '收起',
  Increment: '增加',
  Decrement: '减少',
  'Previous page': '上一页',
  'Next page': '下一页',
  'of': '/',
  'Nothing to show.': '暂无内容',
  'No content to show.': '暂无内容',
  "External content couldn't be loaded.": '外部内容无法加载',
  'No options source defined in the form definition': '表单未定义选项',
  'Date and time must both be entered.': '日期和时间须同时填写。',
  'hh:mm': '时:分',
  'hh:mm ?m': '时:分',
  Year: '年份',
  Month: '月份',
  Hour: '时',
  Minute: '分',
  'Scroll to increment': '滚动以调整',
  'Click to toggle': '点击切换'
};

const PATTERNS = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => '不能小于 ' + m[1] + '。'],
  [/^Field must have maximum value of (.+)\.$/, (m) => '不能大于 ' + m[1] + '。'],
  [/^Field must have minimum length of (.+)\.$/, (m) => '至少填写 ' + m[1] + ' 个字符。'],
  [/^Field must have maximum length of (.+)\.$/, (m) => '最多填写 ' + m[1] + ' 个字符。'],
  // The pattern itself (a regular expression) says nothing to a caseworker.
  [/^Field must match pattern /, () => '格式不正确，请按说明填写。'],
  [/^Field must be a valid +international phone number/, () => '请填写有效的电话号码。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => '最多保留 ' + m[1] + ' 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => '数值无效，最接近的有效值为 ' + m[1] + ' 和 ' + m[2] + '。'],
  [/^Expand all \((\d+)\)$/, (m) => '全部展开（' + m[1] + '）'],
  [/^Remove list item (\d+)$/, (m) => '删除第 ' + m[1] + ' 项'],
  [/^Click to sort by (.+) descending$/, (m) => '点击按“' + m[1] + '”降序排列'],
  [/^Click to sort by (.+) ascending$/, (m) => '点击按“' + m[1] + '”升序排列'],
  [/^Click to remove sorting$/, () => '点击取消排序']
];

/** form-js' English in Chinese; anything else (labels, typed values) as it is. */
function chinese(text) {
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(WORDS, trimmed)) {
    return text.replace(trimmed, WORDS[trimmed]);
  }
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) {
      return text.replace(trimmed, say(match));
    }
  }
  return text;
}

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

function translateAttributes(element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) {
      const said = chinese(value);
      if (said !== value) {
        element.setAttribute(name, said);
      }
    }
  }
}

function translateText(node) {
  const said = chinese(node.data);
  if (said !== node.data) {
    node.data = said;
  }
}

/** Translates a subtree: its text and the attributes a screen or a screen reader shows. */
function translate(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateAttributes(root);
  root.querySelectorAll('[placeholder], [title], [aria-label]').forEach(translateAttributes);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
}

// flatpickr's locale: merged by flatpickr over its English defaults.
const CALENDAR = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动以调整',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年份',
  monthAriaLabel: '月份',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};
const PLACEHOLDER = '年-月-日';
const DATE_INPUTS = '.fjs-datepicker input.fjs-input';
const FORMAT_REASON = '请按“年-月-日”填写日期，例如 2026-01-31。';

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit'
});

/** yyyy-MM-dd of a moment, as a day in Nanjing (the server's day, whatever the PC's zone). */
function shanghaiDay(moment) {
  const parts = Object.fromEntries(SHANGHAI_DAY.formatToParts(moment).map(p => [p.type, p.value]));
  return parts.year + '-' + parts.month + '-' + parts.day;
}

/** yyyy-MM-dd of a date flatpickr holds (its dates are local midnights). */
function localDay(date) {
  return String(date.getFullYear()).padStart(4, '0') + '-'
    + String(date.getMonth() + 1).padStart(2, '0') + '-' + String(date.getDate()).padStart(2, '0');
}

/** What a Chinese keyboard may give: full-width digits and separators. */
function halfWidth(text) {
  return text.replace(/[\uFF10-\uFF19\uFF0D\uFF0F\uFF0E]/g,
    c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).trim();
}

/**
 * A typed date read strictly: {day: 'yyyy-MM-dd'} (or day '' when empty) or {reason} in Chinese.
 * Year, month and day in that order, separated by -, /, . or 年月日; a day that does not exist is
 * refused, never carried into the next month.
 */
function readDay(text, past, fp) {
  const typed = halfWidth(text || '');
  if (!typed) {
    return { day: '' };
  }
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(typed);
  if (!match) {
    return { reason: FORMAT_REASON };
  }
  const [year, month, date] = match.slice(1).map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, date));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1
      || calendar.getUTCDate() !== date) {
    return { reason: '没有这一天，请检查月份和日期。' };
  }
  const day = calendar.toISOString().slice(0, 10);
  const today = shanghaiDay(new Date());
  if (past && day > today) {
    return { reason: '不能晚于今天（' + today + '）。' };
  }
  if (fp.config.minDate && day < localDay(fp.config.minDate)) {
    return { reason: '不能早于 ' + localDay(fp.config.minDate) + '。' };
  }
  if (fp.config.maxDate && day > localDay(fp.config.maxDate)) {
    return { reason: '不能晚于 ' + localDay(fp.config.maxDate) + '。' };
  }
  return { day };
}

const calendars = new WeakSet();

/**
 * A date field made trustworthy: flatpickr (input._flatpickr) speaks Chinese and uses
 * yyyy-MM-dd, and every typed date reaches it through readDay: flatpickr's blur, Enter and
 * click-outside all call the instance's setDate with the input's text, form-js' own value
 * updates call it with a Date.
 */
function dateField(ctx, input) {
  const fp = input._flatpickr;
  if (!fp || calendars.has(fp)) {
    return;
  }
  calendars.add(fp);
  const fieldId = input.id.slice(('fjs-form-' + ctx.formId + '-').length).replace(/-date$/, '');
  const field = fieldById(ctx, fieldId);
  if (!field) {
    return;
  }
  const past = String((field.properties || {}).past) === 'true';
  // form-js gives the earliest date as text in the browser's format; it is meant as 1900-01-01.
  fp.set({ locale: CALENDAR, dateFormat: 'Y-m-d', ariaDateFormat: 'Y年n月j日',
    minDate: field.disallowPassedDates ? 'today' : new Date(1900, 0, 1) });
  input.placeholder = PLACEHOLDER;
  const setDate = fp.setDate;
  fp.setDate = (value, triggerChange, format) => {
    if (typeof value !== 'string') {
      return setDate(value, triggerChange, format);
    }
    const read = readDay(value, past, fp);
    if (read.reason) {
      revalidate(ctx, fieldId);
      return undefined;
    }
    return setDate(read.day, triggerChange, 'Y-m-d');
  };
  addCheck(ctx, (id) => {
    const reason = id === fieldId && readDay(input.value, past, fp).reason;
    return reason ? [reason] : null;
  });
}

/** Escape inside the form closes its pickers and lists only (uib's dialog skips a prevented one). */
function keepEscapeInside(ctx) {
  ctx.container.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') {
      return;
    }
    ctx.container.querySelectorAll(DATE_INPUTS).forEach((input) => {
      if (input._flatpickr && input._flatpickr.isOpen) {
        input._flatpickr.close();
      }
    });
    event.preventDefault();
  });
}

/**
 * The 发起流程 dialog drops the form when it is closed (关闭, 返回, Escape, a click beside it).
 * With something typed, it asks first, in the dialog's footer.
 */
function askBeforeDropping(ctx) {
  const modal = ctx.container.closest('.modal');
  if (!modal) {
    return;
  }
  const typed = () => {
    const { data, initialData } = ctx.form._getState();
    return JSON.stringify(data) !== JSON.stringify(initialData)
      || [...ctx.container.querySelectorAll(DATE_INPUTS)].some(i => i.value.trim());
  };
  let leaving = false;

  function ask(proceed) {
    const footer = modal.querySelector('.modal-footer');
    if (!footer || footer.querySelector('.mp-confirm')) {
      return;
    }
    const stay = el('button', { type: 'button', class: 'btn btn-primary' }, '继续填写');
    const drop = el('button', { type: 'button', class: 'btn btn-default' }, '放弃已填内容');
    const bar = el('div', { class: 'mp-confirm alert alert-warning', role: 'alertdialog' },
      el('span', {}, '已填写的内容尚未提交，关闭后将丢失。'), stay, drop);
    stay.addEventListener('click', () => bar.remove());
    drop.addEventListener('click', () => {
      bar.remove();
      leaving = true;
      proceed();
    });
    footer.prepend(bar);
    stay.focus();
  }

  const dismiss = () => {
    const close = modal.querySelector('.modal-footer button[ng-click="$dismiss()"]');
    if (close) {
      close.click();
    }
  };
  // Before uib's own listeners: its click handler on the dialog, its keydown on the document.
  const guard = (event) => {
    if (leaving || !modal.isConnected || !typed()) {
      return;
    }
    const button = event.type === 'click' && event.target.closest && event.target.closest(
      '.modal-footer button[ng-click="$dismiss()"], .modal-footer button[ng-click="back()"]');
    const beside = event.type === 'click' && event.target === modal;
    const escape = event.type === 'keydown' && event.key === 'Escape' && !event.defaultPrevented
      && !ctx.container.contains(event.target);
    if ((button && modal.contains(button)) || beside || escape) {
      event.preventDefault();
      event.stopImmediatePropagation();
      ask(button ? () => button.click() : dismiss);
    }
  };
  window.addEventListener('click', guard, true);
  window.addEventListener('keydown', guard, true);
  const stop = new MutationObserver(() => {
    if (!modal.isConnected) {
      window.removeEventListener('click', guard, true);
      window.removeEventListener('keydown', guard, true);
      stop.disconnect();
    }
  });
  stop.observe(document.body, { childList: true });
}

eachForm((ctx) => {
  const validator = ctx.form.get('validator');
  const formJs = validator.validateFieldInstance.bind(validator);
  validator.validateFieldInstance = (instance, value) => formJs(instance, value).map(chinese);

  const update = (records) => {
    for (const record of records || []) {
      if (record.type === 'attributes') {
        translateAttributes(record.target);
      } else if (record.type === 'characterData') {
        translateText(record.target);
      } else {
        record.addedNodes.forEach(translate);
      }
    }
    ctx.container.querySelectorAll(DATE_INPUTS).forEach(input => dateField(ctx, input));
  };
  translate(ctx.container);
  update();
  new MutationObserver(update).observe(ctx.container, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
  keepEscapeInside(ctx);
  askBeforeDropping(ctx);
});

export default [];
