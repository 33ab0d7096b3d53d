// 案卷: a child's case file as a full-screen panel inside Tasklist (the same login): a search
// across the cases the user may read, and the case page with everything on it, notes and
// attachments to add, and for supervisors who looked at the file. Opened from the navbar
// (案卷检索) and from a task's 案情 tab (打开案卷).
import {
  el, field, present, time, named, namedList, vocabulary, getJson, post, reasons, caseUrl, uploadForm,
  LEVEL_CLASS
} from './case-common.js';

const PANEL_ID = 'mp-case-panel';

function section(title, ...content) {
  return el('section', { class: 'mp-section' }, el('h3', {}, title), ...content);
}

function card(...lines) {
  return el('div', { class: 'mp-card' }, ...lines);
}

function none(text) {
  return el('p', { class: 'mp-none' }, text || '无');
}

function level(code, name) {
  return present(code) ? el('span', { class: 'mp-level ' + (LEVEL_CLASS[code] || '') },
    name || named('riskLevel', code)) : null;
}

/** The panel, created once and reused; Escape and 关闭 close it. */
function panel() {
  let node = document.getElementById(PANEL_ID);
  if (node) {
    return node;
  }
  const input = el('input', { type: 'search', name: 'q', class: 'form-control', maxlength: '50',
    placeholder: '案件编号、儿童姓名、身份证号、监护人姓名或电话', 'aria-label': '检索案卷' });
  const form = el('form', { class: 'mp-search', role: 'search' }, input,
    el('button', { type: 'submit', class: 'btn btn-primary' }, '检索'));
  const close = el('button', { type: 'button', class: 'btn btn-default mp-close' }, '关闭');
  node = el('div', { id: PANEL_ID, class: 'mp-panel', role: 'dialog', 'aria-label': '案卷' },
    el('header', { class: 'mp-panel-header' }, el('h2', {}, '案卷'), form, close),
    el('main', { class: 'mp-panel-body' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search(input.value);
  });
  close.addEventListener('click', closeCasePanel);
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeCasePanel();
    }
  });
  document.body.append(node);
  return node;
}

function body() {
  return panel().querySelector('.mp-panel-body');
}

export function closeCasePanel() {
  const node = document.getElementById(PANEL_ID);
  if (node) {
    node.remove();
  }
  document.body.classList.remove('mp-panel-open');
}

/** Opens the panel: the search, or straight at a case. */
export function openCasePanel(caseNumber) {
  panel();
  document.body.classList.add('mp-panel-open');
  if (caseNumber) {
    showCase(caseNumber);
  } else {
    body().replaceChildren(el('p', { class: 'mp-none' },
      '输入案件编号（或其开头）、儿童姓名（可部分）、身份证号、监护人姓名或电话检索您有权查看的案件。'));
    panel().querySelector('input[name=q]').focus();
  }
}

async function search(text) {
  const q = text.trim();
  const out = body();
  if (!q) {
    out.replaceChildren(none('请输入检索内容'));
    return;
  }
  out.replaceChildren(el('p', {}, '检索中…'));
  const [result] = await Promise.all([getJson('/api/cases?q=' + encodeURIComponent(q)), vocabulary()]);
  if (!result.ok) {
    out.replaceChildren(el('p', { class: 'mp-error' }, reasons(result, '检索失败（' + result.status + '）')));
    return;
  }
  const found = result.body || [];
  out.replaceChildren(el('h3', {}, `检索结果（${found.length}）`),
    found.length === 0 ? none('没有找到您有权查看的案件') : el('ul', { class: 'mp-results' },
      found.map(c => el('li', {}, caseLink(c.caseNumber),
        el('span', { class: 'mp-child' }, c.childName),
        present(c.idNumber) ? el('span', { class: 'mp-id' }, c.idNumber) : null,
        el('span', {}, c.districtName), el('span', {}, named('caseStatus', c.status)),
        el('span', {}, '立案 ' + time(c.openedAt)), level(c.riskLevel, c.riskLevelName)))));
}

function caseLink(caseNumber) {
  const link = el('a', { href: '#', class: 'mp-case-link', 'data-case': caseNumber }, caseNumber);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    showCase(caseNumber);
  });
  return link;
}

async function showCase(caseNumber) {
  const out = body();
  out.replaceChildren(el('p', {}, '加载案卷…'));
  const [result] = await Promise.all([getJson(caseUrl(caseNumber)), vocabulary()]);
  if (!result.ok) {
    out.replaceChildren(el('p', { class: 'mp-error' }, reasons(result, '无法读取案卷（' + result.status + '）')));
    return;
  }
  const file = result.body;
  out.replaceChildren(...casePage(file));
  out.scrollTop = 0;
  const log = await getJson(caseUrl(caseNumber) + '/access-log');
  if (log.status === 200) {
    out.querySelector('.mp-timeline-section').before(accessLog(log.body || []));
  }
}

function casePage(file) {
  const child = file.child || {};
  const g = file.guardianship || {};
  return [
    el('div', { class: 'mp-case-head', 'data-case': file.caseNumber },
      el('h2', {}, file.caseNumber), el('span', {}, named('caseStatus', file.status)),
      el('span', {}, file.districtName || file.district), level(file.riskLevel, file.riskLevelName),
      file.urgent ? el('span', { class: 'mp-flag' }, '紧急') : null,
      file.immediateDanger ? el('span', { class: 'mp-flag' }, '曾报告紧急危险') : null),
    section('儿童', card(
      field('姓名', child.name), field('性别', child.genderName || named('gender', child.gender)),
      field('出生日期', child.birthDate), field('年龄', present(child.age) ? child.age + ' 岁' : null),
      field('估计年龄', present(child.estimatedAge) ? child.estimatedAge + ' 岁' : null),
      field('身份证号', child.idNumber), field('户籍', named('household', child.household)),
      field('住址', [child.district && (child.districtName || file.districtName || child.district),
        child.street, child.community, child.address].filter(present).join(' ')),
      field('类别', (file.categories || []).map(c => (c && c.code) ? c.name || named('category', c.code) : named('category', c))),
      field('立案时间', time(file.openedAt)), field('结案时间', time(file.closedAt)),
      field('结案原因', named('closureReason', file.closureReason)), field('结案说明', file.closureNote)),
      present(file.guardians) ? el('div', {}, el('h4', {}, '监护人'), file.guardians.map(x => card(
        field('姓名', x.name), field('关系', x.relation), field('电话', x.phone), field('状况', x.status)))) : null),
    section('该儿童的全部案件', el('ul', { class: 'mp-results' },
      [{ caseNumber: file.caseNumber, status: file.status, openedAt: file.openedAt, closedAt: file.closedAt }]
        .concat((file.otherCases || []).filter(c => c.caseNumber !== file.caseNumber))
        .map(c => el('li', {}, c.caseNumber === file.caseNumber
        ? el('strong', {}, c.caseNumber + '（本案）') : caseLink(c.caseNumber),
        el('span', {}, named('caseStatus', c.status)), el('span', {}, '立案 ' + time(c.openedAt)),
        present(c.closedAt) ? el('span', {}, '结案 ' + time(c.closedAt)) : null)))),
    section('报告', present(file.reports) ? file.reports.map(r => card(
      field('接报时间', time(r.receivedAt)), field('渠道', r.channelName || named('channel', r.channel)),
      field('报告人', r.reporterName), field('联系电话', r.reporterPhone),
      field('报告单位', r.reporterOrganisation), field('紧急危险', r.immediateDanger ? '是' : null),
      field('内容', r.description))) : none()),
    section('评估', present(file.assessments) ? file.assessments.map(a => card(
      field('评估时间', time(a.assessedAt)), field('评估人', a.assessedBy),
      el('div', { class: 'mp-field' }, el('span', { class: 'mp-label' }, '风险等级'), level(a.riskLevel)),
      field('得分', `合计 ${a.total}（A ${a.pointsA}，B ${a.pointsB}，C ${a.pointsC}，D ${a.pointsD}，E ${a.pointsE}）`),
      field('直接定为一级', a.overrideRed ? '是' : null), field('依据', a.reasons))) : none()),
    section('处置计划与转介', present(file.referrals) ? file.referrals.map(r => card(
      field('承办单位', r.unitName || named('group', r.unit)), field('状态', named('referralStatus', r.status)),
      field('转介原因', r.why),
      field('转介时间', time(r.createdAt)), field('办理期限', time(r.dueAt)),
      field('采取的措施', r.actionTaken), field('落实情况', named('referralResult', r.result)),
      field('办结时间', time(r.completedAt)), field('办理人', r.completedBy))) : none()),
    section('走访', present(file.visits) ? file.visits.map(v => card(
      field('走访时间', time(v.visitedAt)), field('走访人', v.visitedBy),
      el('div', { class: 'mp-field' }, el('span', { class: 'mp-label' }, '风险等级'), level(v.riskLevel)),
      field('指导', v.guidance), field('记录', v.notes))) : none()),
    section('监护干预', guardianship(g)),
    section('通知', present(file.notifications) ? file.notifications.map(n => card(
      field('时间', time(n.at)), field('接收', named('group', n.recipient)), field('主题', n.subject),
      field('渠道', named('notificationChannel', n.channel)))) : none()),
    notesSection(file),
    attachmentsSection(file),
    el('section', { class: 'mp-section mp-timeline-section' }, el('h3', {}, '时间线'),
      present(file.timeline) ? el('ol', { class: 'mp-timeline' }, file.timeline.map(t => el('li', {},
        el('span', { class: 'mp-when' }, time(t.at)), el('strong', {}, t.title),
        present(t.detail) ? el('span', { class: 'mp-detail' }, t.detail) : null,
        present(t.by) ? el('span', { class: 'mp-by' }, named('group', t.by)) : null))) : none())
  ];
}

function guardianship(g) {
  const parts = [];
  for (const m of g.measures || []) {
    parts.push(card(el('h4', {}, '干预措施'), field('措施', named('measure', m.measureType)),
      field('监护人是否改正', m.guardianChanged ? '已改正' : '未改正'), field('说明', m.note),
      field('执行', m.takenBy), field('时间', time(m.takenAt))));
  }
  for (const a of g.applications || []) {
    parts.push(card(el('h4', {}, '向法院申请'), field('申请编号', a.applicationNumber),
      field('申请人', named('applicant', a.applicant)),
      field('法律依据', namedList('legalGround', a.legalGrounds)),
      field('检察院支持起诉', a.procuratorateSupport ? '是' : null), field('状态', named('applicationStatus', a.status)),
      field('法院案号', a.courtCaseNumber), field('裁判结果', named('courtOutcome', a.outcome)),
      field('裁判日期', a.rulingDate), field('指定监护人', a.appointedGuardian),
      field('申请时间', time(a.filedAt))));
  }
  for (const p of g.placements || []) {
    parts.push(card(el('h4', {}, '监护与安置'), field('监护人类型', named('guardianType', p.guardianType)),
      field('安置方式', named('placement', p.placement)), field('新监护人', p.newGuardian),
      field('决定', p.decidedBy), field('时间', time(p.decidedAt))));
  }
  return parts.length ? parts : [none()];
}

function notesSection(file) {
  const list = el('ol', { class: 'mp-notes' });
  const notes = file.notes || [];
  const byId = new Map(notes.map(n => [n.id, n]));
  const corrects = el('select', { name: 'corrects', class: 'form-control', 'aria-label': '更正哪条记录' },
    el('option', { value: '' }, '新记录（不更正）'));
  const addNote = (n) => {
    byId.set(n.id, n);
    list.append(el('li', { 'data-note': n.id },
      el('div', { class: 'mp-note-head' }, time(n.createdAt), ' ', n.authorName || n.author,
        present(n.corrects) ? el('span', { class: 'mp-corrects' },
          '更正 ' + (byId.has(n.corrects) ? time(byId.get(n.corrects).createdAt) + ' 的记录' : '记录 #' + n.corrects)) : null),
      el('div', { class: 'mp-note-text' }, n.text)));
    corrects.append(el('option', { value: n.id }, `${time(n.createdAt)} ${n.authorName || n.author}：${n.text.slice(0, 20)}`));
  };
  notes.forEach(addNote);
  if (file.view !== 'FULL') {
    return section('个案记录', notes.length ? list : none());
  }
  const text = el('textarea', { name: 'text', class: 'form-control', rows: '4', maxlength: '4000',
    'aria-label': '记录内容', placeholder: '记录内容（个案记录只增不改；更正请选择要更正的记录）' });
  const status = el('div', { class: 'mp-status', role: 'status' });
  const form = el('form', { class: 'mp-note-form' }, text, corrects,
    el('button', { type: 'submit', class: 'btn btn-primary' }, '添加记录'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await post(caseUrl(file.caseNumber) + '/notes',
      { text: text.value, corrects: corrects.value ? Number(corrects.value) : null });
    if (result.status === 201) {
      addNote(result.body);
      form.reset();
      status.textContent = '已添加';
    } else {
      status.textContent = reasons(result, '添加失败（' + result.status + '）');
    }
  });
  return section('个案记录', list, form);
}

function attachmentRow(caseNumber, a, downloadable) {
  const name = downloadable
    ? el('a', { href: caseUrl(caseNumber) + '/attachments/' + encodeURIComponent(a.id), download: a.fileName }, a.fileName)
    : el('span', {}, a.fileName);
  return el('li', { 'data-attachment': a.id }, el('span', { class: 'mp-kind' }, a.kindName || a.kind), name,
    el('span', {}, `${Math.max(1, Math.round(a.size / 1024))} KB`), el('span', {}, time(a.uploadedAt)),
    el('span', {}, a.uploadedBy));
}

function attachmentsSection(file) {
  const downloadable = file.view !== 'UNIT';
  const list = el('ul', { class: 'mp-attachments' },
    (file.attachments || []).map(a => attachmentRow(file.caseNumber, a, downloadable)));
  const empty = (file.attachments || []).length ? null : none('暂无附件');
  const upload = file.view === 'FULL' || file.view === 'POLICE'
    ? uploadForm(file.caseNumber, null, (a) => {
      list.append(attachmentRow(file.caseNumber, a, downloadable));
      if (empty) {
        empty.remove();
      }
    })
    : null;
  return section('附件', list, empty, upload);
}

function accessLog(entries) {
  return section('查阅与变更记录', entries.length ? el('ol', { class: 'mp-access-log' }, entries.map(e =>
    el('li', {}, el('span', { class: 'mp-when' }, time(e.at)), el('strong', {}, e.userName || e.userId),
      el('span', {}, `（${e.userId}）`), el('span', {}, e.actionName || e.action)))) : none());
}
