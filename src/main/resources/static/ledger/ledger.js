// The ledger upload page: sends the file with the user's credentials and polls the report.
const STATUS = { RUNNING: '导入中…', DONE: '已完成', FAILED: '失败' };
let auth = null;

document.getElementById('upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  auth = 'Basic ' + btoa(unescape(encodeURIComponent(
    document.getElementById('user').value + ':' + document.getElementById('password').value)));
  const body = new FormData();
  body.append('district', document.getElementById('district').value);
  body.append('file', document.getElementById('file').files[0]);
  const answer = await fetch('../api/ledgers', { method: 'POST', body, headers: { Authorization: auth } });
  const json = await answer.json();
  if (answer.status !== 202) {
    alert(json.errors.map(e => e.message).join('\n'));
    return;
  }
  document.getElementById('result').hidden = false;
  document.getElementById('importId').textContent = json.id;
  poll(json.id);
});

async function poll(id) {
  const answer = await fetch('../api/ledgers/' + encodeURIComponent(id), { headers: { Authorization: auth } });
  const report = await answer.json();
  document.getElementById('status').textContent = STATUS[report.status] || report.status;
  document.getElementById('failure').textContent = report.failure || '';
  for (const key of ['rowsRead', 'accepted', 'rejected', 'duplicates', 'casesOpened']) {
    document.getElementById(key).textContent = report[key];
  }
  const rows = document.querySelector('#errors tbody');
  rows.replaceChildren(...report.errors.map(e => {
    const tr = document.createElement('tr');
    for (const value of [e.row, e.column, e.message]) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.appendChild(td);
    }
    return tr;
  }));
  document.getElementById('errors').hidden = report.errors.length === 0;
  if (report.status === 'RUNNING') {
    setTimeout(() => poll(id), 1000);
  }
}
