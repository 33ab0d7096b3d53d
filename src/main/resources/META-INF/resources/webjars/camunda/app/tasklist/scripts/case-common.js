// Shared by the platform's Tasklist plugins (案情 tab, task card labels, 案卷 page): building DOM
// nodes and calling the project API (/api) with the Tasklist session. Everything the API returns
// is inserted as text, never as HTML.

/** An element with attributes and children; strings become text nodes, null children are left out. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Whether the API gave a value worth a line (absent in a masked view, or never recorded). */
export function present(value) {
  return value !== null && value !== undefined && value !== ''
    && !(Array.isArray(value) && value.length === 0);
}

/** A labelled line, or nothing when the value is missing. */
export function field(label, value) {
  if (!present(value)) {
    return null;
  }
  return el('div', { class: 'mp-field' }, el('span', { class: 'mp-label' }, label),
    el('span', { class: 'mp-value' }, Array.isArray(value) ? value.join('、') : value));
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hour12: false
});

/** A time the API gave (ISO 8601) as Nanjing's local time; a plain date stays as it is. */
export function time(value) {
  if (!present(value)) {
    return null;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return value;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : TIME.format(date).replace(/\//g, '-');
}

export const CATEGORIES = {
  STREET_BEGGING: '流浪乞讨', GUARDIANSHIP_LACKING: '监护缺失', LEFT_BEHIND: '留守流动',
  DOMESTIC_VIOLENCE: '家庭暴力', SPECIAL_HARDSHIP: '特殊困难'
};
export const LEVELS = { RED: '一级/红', ORANGE: '二级/橙', YELLOW: '三级/黄', GREEN: '关注/绿', UNASSESSED: '待评估' };
export const CHANNELS = {
  HOTLINE_12345: '12345政府热线', POLICE_110: '110指挥中心', YOUTH_12355: '12355青少年服务台',
  CIVIL_12349: '12349民政服务热线', RESCUE_24H: '流浪救助24小时电话', MANDATORY_REPORTER: '强制报告责任人',
  DEPARTMENT_NOTICE: '部门信息筛查通报', LEDGER: '基础台帐摸底排查', WALK_IN: '来访'
};
export const NOTIFICATION_CHANNELS = { OUTBOX: '站内消息', MAIL: '邮件', WEBHOOK: '短信/OA' };
export const GENDERS = { M: '男', F: '女' };
export const CASE_STATUS = { OPEN: '在办', CLOSED: '已结案' };
export const LEVEL_CLASS = { RED: 'mp-red', ORANGE: 'mp-orange', YELLOW: 'mp-yellow', GREEN: 'mp-green' };
export const UNITS = {
  'protection-center': '市未成年人保护中心', 'civil-affairs': '市民政局', police: '公安局',
  procuratorate: '检察院', court: '法院', education: '教育局', health: '卫生局', housing: '住建委',
  hrss: '人社局', justice: '司法局', finance: '财政局', population: '人口计生委',
  'youth-league': '团市委', 'womens-federation': '妇联', 'disabled-federation': '残联'
};
export const REFERRAL_STATUS = { OPEN: '办理中', DONE: '已办结' };
export const REFERRAL_RESULT = { DONE: '已落实', PARTIAL: '部分落实', NOT_POSSIBLE: '无法落实' };
export const MEASURES = {
  CRITICISM: '批评教育', WARNING_LETTER: '出具告诫书并查访', REPRIMAND: '训诫',
  FAMILY_EDUCATION_ORDER: '责令接受家庭教育指导', FAMILY_EDUCATION: '家庭教育指导'
};
export const PLACEMENTS = { RELATIVE_HOME: '亲属家庭', WELFARE_INSTITUTION: '儿童福利院', FOSTER_FAMILY: '家庭寄养' };
export const GUARDIAN_TYPES = {
  RELATIVE_IN_ORDER: '其他亲属（依法定顺序）', GRANDPARENTS: '祖父母、外祖父母', SIBLINGS: '兄、姐',
  WILLING_PERSON: '其他愿意担任监护人的个人或者组织（经居委会、村委会或民政部门同意）',
  CIVIL_AFFAIRS: '民政部门担任监护人', RESIDENTS_COMMITTEE: '具备条件的居民委员会、村民委员会'
};
export const COURT_OUTCOMES = { REVOKED: '撤销监护资格', DISMISSED: '驳回申请', RESTORED: '恢复监护资格' };
export const CLOSURES = { RESOLVED: '风险消除', AGE_18: '年满18周岁', REFERRED_OUT: '转出' };
export const ATTACHMENT_KINDS = {
  PHOTO: '照片', INJURY_REPORT: '伤情鉴定', HANDOVER: '交接书', JUDGMENT: '判决书',
  WARNING_LETTER: '告诫书', CONSENT: '同意书', OTHER: '其他'
};

/** A code in Chinese when it is one we know, else as given. */
export function named(names, code) {
  return present(code) ? (names[code] || code) : null;
}

/** The webapps' CSRF token (the cookie Camunda's filter sets beside the session). */
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { status: response.status, ok: response.ok, body };
}

/** A read of the project API with the Tasklist session. */
export async function getJson(path) {
  return answer(await fetch(path, {
    credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' }
  }));
}

/** A note or an attachment: the session's writes, with the webapps' CSRF token. */
export async function post(path, body) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken(), Accept: 'application/json' };
  if (!(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
  }
  return answer(await fetch(path, {
    method: 'POST', credentials: 'same-origin', headers,
    body: body instanceof FormData ? body : JSON.stringify(body)
  }));
}

/** The API's reasons (errors[].message) as one line. */
export function reasons(result, fallback) {
  const errors = (result.body && result.body.errors) || [];
  return errors.map(e => e.message).filter(Boolean).join('；') || fallback;
}

export function caseUrl(caseNumber) {
  return '/api/cases/' + encodeURIComponent(caseNumber);
}

/**
 * The upload of a file to a case (Tasklist forms have no file picker): a kind, the file, and the
 * task it belongs to when uploaded beside one. Calls done(attachment) after a 201.
 */
export function uploadForm(caseNumber, taskId, done) {
  const kind = el('select', { name: 'kind', class: 'form-control', 'aria-label': '附件类别' },
    Object.entries(ATTACHMENT_KINDS).map(([code, name]) => el('option', { value: code }, name)));
  const file = el('input', { type: 'file', name: 'file', class: 'form-control',
    accept: '.jpg,.jpeg,.png,.pdf,.docx', 'aria-label': '选择文件' });
  const status = el('div', { class: 'mp-status', role: 'status' });
  const form = el('form', { class: 'mp-upload' }, el('label', {}, '类别 ', kind),
    el('label', {}, '文件 ', file),
    el('button', { type: 'submit', class: 'btn btn-default' }, '上传附件'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files.length) {
      status.textContent = '请选择要上传的文件';
      return;
    }
    const data = new FormData();
    data.append('kind', kind.value);
    data.append('file', file.files[0]);
    if (taskId) {
      data.append('taskId', taskId);
    }
    status.textContent = '上传中…';
    const result = await post(caseUrl(caseNumber) + '/attachments', data);
    if (result.status === 201) {
      status.textContent = '已上传：' + result.body.fileName;
      form.reset();
      if (done) {
        done(result.body);
      }
    } else {
      status.textContent = reasons(result, '上传失败（' + result.status + '）');
    }
  });
  return form;
}
