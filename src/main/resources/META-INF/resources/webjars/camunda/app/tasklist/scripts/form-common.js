// The Camunda Forms of Tasklist 7.24 as the platform's form plugins (form-zh.js,
// form-feedback.js) reach them. Tasklist renders each task and start form with form-js 1.x and
// keeps the form-js Form to itself; its renderer (Preact) hands the Form's services to the
// fields through a context, and that context hangs off the form's container element. The
// plugins find it there once a form is rendered, and give it checks of their own that form-js
// shows next to the field, like its own, and that keep Tasklist's complete/start button off.

const setups = [];
const found = new WeakSet();
let observer = null;

/** The form-js context (getService) that the renderer provides, looked up in Preact's tree. */
function contextOf(container) {
  const queue = [container.__k];
  for (let seen = 0; queue.length && seen < 500; seen++) {
    const vnode = queue.shift();
    if (!vnode) {
      continue;
    }
    const value = vnode.props && vnode.props.value;
    if (value && typeof value.getService === 'function') {
      return value;
    }
    queue.push(...(vnode.__k || []));
  }
  return null;
}

function discover() {
  for (const container of document.querySelectorAll('.fjs-container')) {
    if (found.has(container) || !container.querySelector('.fjs-form')) {
      continue;
    }
    const context = contextOf(container);
    if (!context) {
      continue;
    }
    found.add(container);
    const form = context.getService('form');
    const ctx = { form, container, formId: context.formId, checks: [] };
    setups.forEach(setup => setup(ctx));
  }
}

/**
 * Calls setup({form, container, formId}) once for every form-js form Tasklist renders from now
 * on (a task's 表单 tab, the 发起流程 dialog).
 */
export function eachForm(setup) {
  setups.push(setup);
  if (!observer) {
    observer = new MutationObserver(discover);
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
  discover();
}

/** The form's schema field with this id (form-js' own registry of the imported schema). */
export function fieldById(ctx, fieldId) {
  return ctx.form.get('formFieldRegistry').get(fieldId);
}

/** Every keyed field of the form's schema. */
export function keyedFields(ctx) {
  return ctx.form.get('formFieldRegistry').getAll().filter(field => field.key);
}

/** What a person reads as the field's name: its label (a date field's is dateLabel). */
export function labelOf(field) {
  return field.label || field.dateLabel || field.key;
}

/** The field's input as form-js renders it: fjs-form-<formId>-<fieldId> (a date: …-date). */
export function inputOf(ctx, fieldId) {
  const id = 'fjs-form-' + ctx.formId + '-' + fieldId;
  return document.getElementById(id) || document.getElementById(id + '-date');
}

function instanceOf(ctx, fieldId) {
  return ctx.form.get('formFieldInstanceRegistry').getAll().find(i => i.id === fieldId);
}

/** The field's value in the form's data. */
export function valueOf(ctx, fieldId) {
  const instance = instanceOf(ctx, fieldId);
  return instance ? instance.valuePath.reduce((data, key) => (data == null ? undefined : data[key]),
    ctx.form._getState().data) : undefined;
}

/**
 * Adds a check of the form's fields: check(fieldId, value) answers the Chinese reasons a field
 * is refused for, or nothing. A refused field shows only these reasons (not also form-js'
 * "required"), form-js shows them under the field and counts them when the form is submitted,
 * so that Tasklist submits nothing while one stands.
 */
export function addCheck(ctx, check) {
  if (!ctx.checks.length) {
    const validator = ctx.form.get('validator');
    const formJs = validator.validateFieldInstance.bind(validator);
    validator.validateFieldInstance = (instance, value) => {
      const refused = ctx.checks.flatMap(c => c(instance.id, value) || []);
      return refused.length ? refused : formJs(instance, value);
    };
  }
  ctx.checks.push(check);
}

/** Validates one field again, as form-js does when it changes, so that its errors show now. */
export function revalidate(ctx, fieldId) {
  const instance = instanceOf(ctx, fieldId);
  if (instance) {
    ctx.form.get('viewerCommands').updateFieldInstanceValidation(instance, valueOf(ctx, fieldId));
  }
}
