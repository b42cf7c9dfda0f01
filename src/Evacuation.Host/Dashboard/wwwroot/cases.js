// Help cases: every call for help is a case a named officer takes ("I'm calling"), annotates and resolves. One click
// takes the case that has waited longest; the chosen case shows its history and the citizen's timeline.
// Uses app.js's api, el, cell, when, role and refresh; refreshed with the page.
'use strict';

let shownCase = null; // id of the case in the detail pane
let caseBusy = false; // one request at a time from the case buttons

async function refreshCases() {
  const page = await api('/api/cases?pageSize=200');
  showCases(page.items);
  if (shownCase) await showCase(shownCase);
}
sections.push(refreshCases);

function showCases(cases) {
  $('cases-open').textContent = number(cases.filter((c) => c.state === 'Open').length);
  $('cases-assigned').textContent = number(cases.filter((c) => c.state === 'Assigned').length);
  const rows = cases.map((c) => {
    const tr = el('tr', null, 'case ' + c.state + (String(c.id) === String(shownCase) ? ' shown' : ''));
    tr.dataset.testid = 'case-row';
    tr.dataset.caseId = c.id;
    const open = el('button', '#' + c.id);
    open.type = 'button';
    open.setAttribute('aria-label', 'Show case ' + c.id);
    open.addEventListener('click', () => { shownCase = c.id; $('case-error').textContent = ''; refresh(); });
    const first = el('td');
    first.append(open);
    tr.append(first, cell(personName(c)), cell(c.citizen ? c.citizen.phone : c.sender), cell(c.citizen ? c.citizen.language : ''),
      cell(c.state), cell(c.assignedTo ?? ''), cell(when(c.stateSince)), el('td', number(c.requests)));
    return tr;
  });
  $('cases').tBodies[0].replaceChildren(...rows);
}

function personName(c) {
  if (!c.citizen) return `unknown sender on ${c.channel}`;
  return (c.citizen.name || '(no name)') + (c.citizen.optedOut ? ' · opted out of messages' : '');
}

async function showCase(id) {
  const c = await api('/api/cases/' + encodeURIComponent(id));
  $('case-detail').hidden = false;
  $('case-id').textContent = '#' + c.id;
  $('case-state').textContent = c.state;
  $('case-with').textContent = c.assignedTo ? `(with ${c.assignedTo})` : '(nobody has it yet)';
  const p = c.citizen;
  $('case-person').textContent = p
    ? `${p.name || '(no name)'} · ${p.phone ?? 'no phone'}${p.telegramChatId ? ' · Telegram ' + p.telegramChatId : ''} · ${p.language} · ` +
      `${p.region ?? 'region unknown'} · household ${p.householdSize} · ${p.status}${p.optedOut ? ' · opted out of messages' : ''}`
    : `Not in the registry: wrote from ${c.sender} on ${c.channel}`;
  const mine = myName && c.assignedTo && c.assignedTo.toLowerCase() === myName.toLowerCase();
  $('case-take').hidden = c.state === 'Resolved' || mine;
  $('case-take').textContent = c.state === 'Assigned' ? `Take over from ${c.assignedTo}` : "I'm calling (take it)";
  $('case-resolve').disabled = role === 'Viewer' || c.state === 'Resolved';
  $('case-notes').replaceChildren(...c.notes.map((n) => historyLine(n.at, n.actor, n.kind, n.text)));
  const timeline = p ? (await api('/api/citizens/' + encodeURIComponent(p.id))).timeline || [] : [];
  $('case-timeline').replaceChildren(...timeline.slice(-30).reverse().map((t) => historyLine(t.at, t.actor, t.kind, t.detail)));
}

function historyLine(at, actor, kind, text) {
  const li = el('li');
  li.append(el('span', `${when(at)} · ${actor} · ${kind}: `, 'figures'));
  const body = el('span', text);
  body.dir = 'auto';
  li.append(body);
  return li;
}

// Every case button: one request at a time, its answer shown, the page refreshed.
async function caseAction(path, body) {
  if (caseBusy || role === 'Viewer') return null;
  caseBusy = true;
  $('case-error').textContent = '';
  try {
    const c = await api(path, { method: 'POST', body });
    shownCase = c.id;
    return c;
  } catch (e) {
    $('case-error').textContent = e.status === 404 && path.endsWith('/take') ? 'No case is waiting for someone to take it.' : e.message;
    return null;
  } finally {
    caseBusy = false;
    refresh();
  }
}

async function caseWithNote(action) {
  const note = $('case-note').value.trim();
  if (!note) {
    $('case-error').textContent = action === 'resolve' ? 'Write how it ended first (reached, help sent, false alarm, unreachable).' : 'Write the note first.';
    return;
  }
  if (await caseAction(`/api/cases/${encodeURIComponent(shownCase)}/${action}`, { note })) $('case-note').value = '';
}

document.addEventListener('DOMContentLoaded', () => {
  $('take-case').addEventListener('click', () => caseAction('/api/cases/take'));
  $('case-take').addEventListener('click', () => caseAction(`/api/cases/${encodeURIComponent(shownCase)}/assign`,
    $('case-take').textContent.startsWith('Take over') ? { takeOver: true } : undefined));
  $('case-add-note').addEventListener('click', () => caseWithNote('note'));
  $('case-resolve').addEventListener('click', () => caseWithNote('resolve'));
});
