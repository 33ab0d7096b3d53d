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

export const LEVEL_CLASS = { RED: 'mp-red', ORANGE: 'mp-orange', YELLOW: 'mp-yellow', GREEN: 'mp-green' };

let words = {};
let loading = null;

/**
 * The words of the platform's codes (districts, units, levels, statuses …), as the API and the
 * exports say them: GET /api/vocabulary, asked once a user is logged in (a failed answer is
 * asked again next time). Await it before rendering with {@link named}.
 */
export function vocabulary() {
  if (!loading) {
    const forget = () => {
      loading = null;
    };
    loading = getJson('/api/vocabulary').then((result) => {
      if (result.ok && result.body) {
        words = result.body;
      } else {
        forget();
      }
    }, forget);
  }
  return loading;
}

/** A code of a kind ('caseStatus', 'group' …) in Chinese once the vocabulary is loaded, else as given. */
export function named(kind, code) {
  return present(code) ? ((words[kind] || {})[code] || code) : null;
}

/** The codes of a kind, in the vocabulary's order (the enums' order), once it is loaded. */
export function codesOf(kind) {
  return Object.keys(words[kind] || {});
}

/** Comma-separated codes of a kind in Chinese: "家庭暴力、特殊困难". */
export function namedList(kind, codes) {
  return present(codes) ? String(codes).split(',').map(c => named(kind, c.trim())).join('、') : null;
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
 * task it belongs to when uploaded beside one. Calls done(attachment) after a 201. The
 * vocabulary must be loaded (the kinds are its words).
 */
export function uploadForm(caseNumber, taskId, done) {
  const kind = el('select', { name: 'kind', class: 'form-control', 'aria-label': '附件类别' },
    Object.keys(words.attachmentKind || {}).map(code => el('option', { value: code }, named('attachmentKind', code))));
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
