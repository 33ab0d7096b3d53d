// What a worker is told when Tasklist submits a form (issue 16).
// - A refusal: the platform's steps refuse a form with "<formFieldKey>：<中文原因>", several
//   joined by "；", which the engine prefixes with its own words ("Cannot instantiate process
//   definition <id>: …", "Cannot submit task form <id>: …"). Each reason goes under its field,
//   as form-js shows its own, and the notification says only the reasons, with the fields'
//   labels; engine text and ids are never shown.
// - 登记新个案 (process case-registration): the case number the new case got, until read.
// - An assessment (forms assess-family and follow-up-visit, scored by the step after them): the
//   level the case now works at, the points, the reasons and the units the case is referred to,
//   read from the case file (GET /api/cases/{caseNumber}, CaseAccess decides), until read.
// Tasklist submits through its camAPI resources (process-definition, task).submitForm; these
// are wrapped, once, when the first form appears (Tasklist is running by then).
import { el, present, getJson, caseUrl, named, vocabulary, LEVEL_CLASS } from './case-common.js';
import { openCasePanel } from './case-panel.js';
import {
  eachForm, keyedFields, labelOf, inputOf, valueOf, addCheck, revalidate
} from './form-common.js';

const CASE_OPENING_PROCESS = 'case-registration';
const SCORED_FORMS = ['assess-family', 'follow-up-visit'];
const KEY = /^[A-Za-z_$][\w$.-]*$/;

let submitted = null;
let wrapped = false;

/** The reasons of a refusal, each with the key of the field it names (null when it names none). */
function reasonsOf(message) {
  const body = /(?:^|: )([A-Za-z_$][\w$.-]*：[\s\S]*)$/.exec(message);
  if (!body) {
    return [];
  }
  return body[1].split('；').map(part => part.trim()).filter(Boolean).map((part) => {
    const colon = part.indexOf('：');
    const key = colon > 0 ? part.slice(0, colon) : '';
    return KEY.test(key) ? { key, reason: part.slice(colon + 1) } : { key: null, reason: part };
  });
}

/** A step may name a field by the API's path (child.idNumber), which the form flattens. */
function fieldFor(ctx, key) {
  const fields = ctx ? keyedFields(ctx) : [];
  const flat = key.replace(/\.(\w)/g, (m, c) => c.toUpperCase());
  return fields.find(f => f.key === key) || fields.find(f => f.key === flat) || null;
}

function sameValue(a, b) {
  return JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b);
}

/** Puts each refused field's reason under it; answers the notification's lines. */
function placeReasons(ctx, reasons) {
  let first = null;
  const lines = reasons.map(({ key, reason }) => {
    const field = key ? fieldFor(ctx, key) : null;
    if (!field) {
      return reason;
    }
    ctx.refusals.set(field.id, { reason, value: valueOf(ctx, field.id) });
    revalidate(ctx, field.id);
    first = first || field;
    const label = labelOf(field);
    return reason.startsWith(label) ? reason : label + '：' + reason;
  });
  const input = first && inputOf(ctx, first.id);
  if (input) {
    input.scrollIntoView({ block: 'center' });
  }
  return lines;
}

// Failures Tasklist recognises by the engine's words and says itself (该任务已不存在 …).
const TASKLIST_SAYS = /task is null|No matching task|is suspended|submission prevented/;

/** A failed submission, told in Chinese only. */
function explain(error, ctx) {
  if (!error || typeof error.message !== 'string' || TASKLIST_SAYS.test(error.message)) {
    return error;
  }
  const reasons = reasonsOf(error.message);
  const said = error.message.slice(error.message.lastIndexOf(': ') + 1).trim();
  if (reasons.length) {
    error.message = placeReasons(ctx, reasons).join('\n');
  } else if (/[\u4e00-\u9fff]/.test(said)) {
    // A step's reason that names no field.
    error.message = said;
  } else {
    // The engine's other failures (a broken step, a lost connection) are not the worker's to read.
    error.message = '服务器未能处理本次提交' + (error.status ? '（' + error.status + '）' : '')
      + '，请刷新后重试；如仍失败，请联系管理员。';
  }
  return error;
}

/** form-js refuses a submission with its errors by field; Tasklist shows their message, if any. */
function sayWhyNotSubmitted(ctx) {
  const validate = ctx.form.validate.bind(ctx.form);
  ctx.form.validate = () => {
    const errors = validate();
    const count = Object.keys(errors).length;
    if (count) {
      Object.defineProperty(errors, 'message', {
        value: '表单中有 ' + count + ' 项未填或填写有误，请按红色提示修改后再提交。'
      });
    }
    return errors;
  };
}

function notices() {
  let box = document.querySelector('.mp-notices');
  if (!box) {
    box = el('div', { class: 'mp-notices', 'aria-live': 'polite' });
    (document.querySelector('.page-notifications') || document.body).append(box);
  }
  return box;
}

/** A notice that stays until the worker closes it, with a way to the case's page. */
function notice(kind, caseNumber, ...lines) {
  const close = el('button', { type: 'button', class: 'close', 'aria-label': '关闭' }, '×');
  const open = el('button', { type: 'button', class: 'btn btn-default btn-sm mp-open-case' }, '打开案卷');
  const node = el('div', { class: 'alert alert-success mp-notice', role: 'status', 'data-kind': kind,
    'data-case': caseNumber }, close, ...lines, el('div', {}, open));
  close.addEventListener('click', () => node.remove());
  open.addEventListener('click', () => {
    node.remove();
    openCasePanel(caseNumber);
  });
  notices().append(node);
}

function caseOpened(instance) {
  if (instance && present(instance.businessKey)
      && String(instance.definitionId || '').startsWith(CASE_OPENING_PROCESS + ':')) {
    notice('case-opened', instance.businessKey,
      el('strong', {}, '已登记新个案'), el('div', {}, '案件编号：',
        el('span', { class: 'mp-case-number' }, instance.businessKey)));
  }
}

async function assessed(ctx) {
  const state = ctx.form._getState();
  const caseNumber = (state.initialData || {}).caseNumber;
  if (!SCORED_FORMS.includes((state.schema || {}).id) || !present(caseNumber)) {
    return;
  }
  const [result] = await Promise.all([getJson(caseUrl(caseNumber)), vocabulary()]);
  const file = result.ok ? result.body : null;
  const latest = file && (file.assessments || []).slice(-1)[0];
  if (!latest) {
    return;
  }
  const units = (file.referrals || []).filter(r => r.status === 'OPEN').map(r => named('group', r.unit));
  const reasons = String(latest.reasons || '').split('；').filter(Boolean);
  notice('assessment', caseNumber,
    el('strong', {}, '评估结果：', el('span', { class: 'mp-case-number' }, caseNumber)),
    el('div', {}, '风险等级：', el('span', { class: 'mp-level ' + (LEVEL_CLASS[file.riskLevel] || '') },
      named('riskLevel', file.riskLevel))),
    el('div', {}, '评分：' + latest.total + ' 分'),
    reasons.length
      ? el('div', {}, '理由：', el('ul', { class: 'mp-reasons' }, reasons.map(r => el('li', {}, r))))
      : null,
    el('div', {}, '转介单位：' + (units.length ? units.join('、') : '暂无')));
}

function wrap(resource, succeeded) {
  const submitForm = resource.submitForm;
  resource.submitForm = function submitFormSaid(...args) {
    const ctx = submitted && submitted.container.isConnected ? submitted : null;
    submitted = null;
    return submitForm.apply(this, args).then((result) => {
      succeeded(result, ctx);
      return result;
    }, (error) => {
      throw explain(error, ctx);
    });
  };
}

function wrapSubmissions() {
  const injector = window.angular && window.angular.element(document.body).injector();
  if (wrapped || !injector) {
    return;
  }
  wrapped = true;
  const api = injector.get('camAPI');
  wrap(api.resource('process-definition'), caseOpened);
  wrap(api.resource('task'), (result, ctx) => {
    // What went wrong at an earlier try of this task is no longer true.
    const failed = injector.get('$translate').instant('COMPLETE_ERROR');
    injector.get('Notifications').clear({ status: failed });
    if (ctx) {
      assessed(ctx);
    }
  });
}

eachForm((ctx) => {
  wrapSubmissions();
  sayWhyNotSubmitted(ctx);
  ctx.refusals = new Map();
  addCheck(ctx, (fieldId, value) => {
    const refusal = ctx.refusals.get(fieldId);
    if (refusal && sameValue(refusal.value, value)) {
      return [refusal.reason];
    }
    ctx.refusals.delete(fieldId);
    return null;
  });
  ctx.form.on('submit', () => {
    submitted = ctx;
  });
});

export default [];
