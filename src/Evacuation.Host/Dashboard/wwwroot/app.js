// Evacuation operator console. Plain script, no framework, no CDN.
// Every value that came from the service is put on the page with textContent, never innerHTML, so a name or a
// reply containing markup is shown as text. The page's Content-Security-Policy allows only this script to run.
'use strict';

const KEY_STORAGE = 'evac.apiKey';
const POLL_MS = 2000;
const STATUSES = ['Unconfirmed', 'OnTheWay', 'Departed', 'Staying', 'NeedsHelp'];
const $ = (id) => document.getElementById(id);

let apiKey = sessionStorage.getItem(KEY_STORAGE);
let role = null;
let myName = null;
// Sections kept in their own files (approvals.js, cases.js, drill.js) register a function here that each refresh awaits.
const sections = [];
let pollTimer = null;
let estimated = null; // the request body the shown estimate is for; sending needs it
let sending = false;

class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

// One call to the operator API with the signed-in key as a Bearer token.
async function api(path, options = {}) {
  const headers = { Authorization: 'Bearer ' + apiKey, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method: options.method || 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'The service cannot be reached.');
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) {
    const detail = (body && (body.detail || body.title)) || response.statusText || ('HTTP ' + response.status);
    throw new ApiError(response.status, detail);
  }
  return body;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

// A table cell whose direction follows its content, so Hebrew names and texts read right to left.
function cell(text) {
  const td = el('td', text);
  td.dir = 'auto';
  return td;
}

function number(n) { return typeof n === 'number' ? n.toLocaleString('en-US') : '–'; }

function when(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

// ---- sign in -------------------------------------------------------------------------------------------

async function signIn(key) {
  apiKey = key;
  const me = await api('/api/me');
  sessionStorage.setItem(KEY_STORAGE, key);
  role = me.role;
  myName = me.name;
  $('who').textContent = me.name + ' (' + me.role + ')';
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  const readOnly = role === 'Viewer';
  $('read-only').hidden = !readOnly;
  for (const button of document.querySelectorAll('.operator-only')) button.disabled = readOnly;
  for (const button of document.querySelectorAll('.admin-only')) button.disabled = role !== 'Admin';
  refresh();
}

function signOut(message) {
  sessionStorage.removeItem(KEY_STORAGE);
  apiKey = null;
  role = null;
  clearTimeout(pollTimer);
  $('console').hidden = true;
  $('sign-out').hidden = true;
  $('connection').hidden = true;
  $('sign-in').hidden = false;
  $('who').textContent = '';
  $('sign-in-error').textContent = message || '';
}

// ---- live refresh (short polling; a failed round shows "reconnecting" and the next round tries again) ------

async function refresh() {
  clearTimeout(pollTimer);
  if (!apiKey) return;
  try {
    const [stats, timeline, broadcasts] = await Promise.all([
      api('/api/stats'), api('/api/stats/timeline'), api('/api/broadcasts?limit=10&origin=operator'),
    ]);
    showStats(stats);
    showTimeline(timeline);
    await showBroadcasts(broadcasts);
    await Promise.all([optional('/api/reports/call-list', 'call-list', showCallList),
      optional('/api/replies?unhandled=true', 'inbox', showInbox),
      optional('/api/crossings', 'crossings', showCrossings), ...sections.map((show) => show())]);
    setConnection(true);
  } catch (e) {
    if (e.status === 401) { signOut('Your key is no longer accepted. Sign in again.'); return; }
    setConnection(false, e.message);
  }
  pollTimer = setTimeout(refresh, POLL_MS);
}

// Sections whose endpoint may not exist on this service yet (404), or that this key's role may not read (403, the
// call list for a Viewer): the table is hidden and the note says why.
async function optional(path, id, show) {
  const section = $(id).closest('section');
  const note = section.querySelector('.unavailable');
  try {
    show(await api(path));
    note.hidden = true;
    $(id).hidden = false;
  } catch (e) {
    if (e.status !== 403 && e.status !== 404 && e.status !== 405) throw e;
    note.textContent = e.status === 403 ? 'Needs an Operator key.' : 'Not available on this service yet.';
    note.hidden = false;
    $(id).hidden = true;
  }
}

function setConnection(live, message) {
  const badge = $('connection');
  badge.hidden = false;
  badge.classList.toggle('live', live);
  badge.textContent = live ? 'Live' : 'Reconnecting… (' + message + ')';
}

// ---- counters, chart, regions ----------------------------------------------------------------------------

function showStats(stats) {
  const people = stats.peopleByStatus || {};
  const remaining = (stats.people ?? stats.citizens) - (people.Departed ?? stats.byStatus.Departed ?? 0);
  $('people-remaining').textContent = number(remaining);
  $('citizens-total').textContent = number(stats.citizens);
  for (const status of STATUSES) $('count-' + status).textContent = number(stats.byStatus[status] ?? 0);
  $('opted-out').textContent = number(stats.optedOut);
  $('unreachable').textContent = number(stats.unreachable);
  const body = $('regions').tBodies[0];
  const rows = Object.entries(stats.byRegion || {}).map(([region, counts]) => {
    const tr = el('tr');
    tr.append(cell(region));
    for (const s of ['Unconfirmed', 'OnTheWay', 'Departed', 'Staying', 'NeedsHelp']) tr.append(el('td', number(counts[s] ?? 0)));
    return tr;
  });
  body.replaceChildren(...rows);
}

function showTimeline(timeline) {
  const points = timeline.points || [];
  const width = 600, height = 140, bottom = 18;
  const max = Math.max(1, ...points.map((p) => p.departed));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Confirmed departures, cumulative');
  const step = width / Math.max(1, points.length);
  points.forEach((p, i) => {
    const h = (height - bottom - 14) * p.departed / max;
    const rect = document.createElementNS(svg.namespaceURI, 'rect');
    rect.setAttribute('x', String(i * step + 1));
    rect.setAttribute('y', String(height - bottom - h));
    rect.setAttribute('width', String(Math.max(1, step - 2)));
    rect.setAttribute('height', String(h));
    const title = document.createElementNS(svg.namespaceURI, 'title');
    title.textContent = when(p.at) + ': ' + p.departed;
    rect.append(title);
    svg.append(rect);
  });
  const label = (x, text, anchor) => {
    const t = document.createElementNS(svg.namespaceURI, 'text');
    t.setAttribute('x', String(x)); t.setAttribute('y', String(height - 4)); t.setAttribute('text-anchor', anchor);
    t.textContent = text;
    svg.append(t);
  };
  if (points.length) {
    label(0, when(timeline.from), 'start');
    label(width, when(timeline.to), 'end');
    const top = document.createElementNS(svg.namespaceURI, 'text');
    top.setAttribute('x', '2'); top.setAttribute('y', '11');
    top.textContent = number(points[points.length - 1].departed) + ' confirmed';
    svg.append(top);
  }
  $('timeline').replaceChildren(svg);
}

// ---- broadcasts with progress ------------------------------------------------------------------------------

// Counting a broadcast's progress reads all its deliveries (about 0.7 s for 100,000 on SQLite), so a finished
// broadcast, whose delivered and confirmed counters still grow but slowly, is re-read only every half minute.
const FINISHED_REFRESH_MS = 30000;
const finished = new Map();

async function showBroadcasts(list) {
  const now = Date.now();
  const details = await Promise.all(list.map(async (b) => {
    const cached = finished.get(b.id);
    if (cached && now - cached.at < FINISHED_REFRESH_MS) return cached.detail;
    const detail = await api('/api/broadcasts/' + encodeURIComponent(b.id));
    if (['Completed', 'Cancelled', 'Missed', 'Rejected', 'ApprovalExpired', 'Failed'].includes(detail.state)) finished.set(b.id, { detail, at: now });
    return detail;
  }));
  $('broadcasts-empty').hidden = details.length > 0;
  $('broadcasts').replaceChildren(...details.map(broadcastItem));
}

function broadcastItem(b) {
  const li = el('li');
  li.dataset.broadcastId = b.id;
  li.dataset.testid = 'broadcast';
  const head = el('div');
  head.append(el('span', b.state, 'state ' + b.state), ' ', el('strong', b.kind), ' · ', b.channels + ' · ' + when(b.createdAt) + ' · by ' + b.createdBy);
  const recipients = Math.max(1, b.recipients);
  const done = b.sent + b.failed + (b.cancelled || 0);
  const percent = Math.min(100, Math.round(100 * done / recipients));
  const bar = el('div', null, 'bar');
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', String(b.recipients === 0 ? 100 : percent));
  bar.setAttribute('aria-label', 'Progress of broadcast');
  for (const [part, n] of [['sent', b.sent], ['failed', b.failed], ['cancelled', b.cancelled || 0]]) {
    const span = el('span', null, part);
    span.style.width = (100 * n / recipients) + '%';
    bar.append(span);
  }
  const figures = el('div', `${percent}% · ${number(b.recipients)} recipients · sent ${number(b.sent)} · delivered ${number(b.delivered)} · failed ${number(b.failed)} · confirmed ${number(b.confirmed)} · pending ${number(b.pending)}`, 'figures');
  figures.dataset.testid = 'broadcast-figures';
  li.append(head, bar, figures);
  if (b.state === 'Sending' && b.eta) {
    const left = el('div', 'left to send: ' + etaText(b.eta), 'figures');
    left.dataset.testid = 'broadcast-eta';
    li.append(left);
  }
  return li;
}

// ---- compose: dry run, then an explicit confirm ------------------------------------------------------------

function composeRequest() {
  const form = $('compose');
  const text = {};
  for (const lang of ['en', 'he', 'ru', 'uk']) {
    const value = form.elements['text-' + lang].value.trim();
    if (value) text[lang] = value;
  }
  const regions = form.elements.regions.value.split(',').map((r) => r.trim()).filter(Boolean);
  const statuses = [...form.querySelectorAll('input[name=status]:checked')].map((c) => c.value);
  // datetime-local is the operator's own clock; the service takes an instant.
  const expires = form.elements.expiresAt.value;
  return {
    kind: form.elements.kind.value,
    text: Object.keys(text).length ? text : null,
    audience: { statuses, regions, crossings: [] },
    channels: form.elements.channels.value,
    urgent: form.elements.urgent.checked,
    expiresAt: expires ? new Date(expires).toISOString() : null,
  };
}

// "about 2 min 20 s" from seconds; "no pacing" when the service sends as fast as it can.
function duration(seconds) {
  if (seconds == null) return 'no pacing limit';
  const s = Math.ceil(seconds);
  if (s < 60) return `about ${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `about ${m} min ${s % 60} s` : `about ${Math.floor(m / 60)} h ${m % 60} min`;
}

function etaText(eta) {
  const channels = (eta || []).filter((e) => e.recipients > 0);
  return channels.length === 0 ? 'nobody to send to' : channels.map((e) => `${e.channel} ${duration(e.etaSeconds)}`).join(' · ');
}

async function dryRun() {
  $('compose-error').textContent = '';
  $('compose-notice').textContent = '';
  const request = composeRequest();
  if (request.kind === 'Custom' && !request.text) {
    $('compose-error').textContent = 'A custom broadcast needs a text in at least one language.';
    return;
  }
  try {
    const answer = await api('/api/broadcasts', { method: 'POST', body: { ...request, dryRun: true } });
    showEstimate(answer.estimate);
    estimated = request;
  } catch (e) {
    hideEstimate();
    $('compose-error').textContent = e.status === 403 ? 'Your key may not send broadcasts.' : e.message;
  }
}

function showEstimate(estimate) {
  $('estimate-recipients').textContent = number(estimate.recipients);
  $('estimate-telegram').textContent = number(estimate.byChannel.telegram ?? 0);
  $('estimate-sms').textContent = number(estimate.byChannel.sms ?? 0);
  $('estimate-segments').textContent = number(estimate.totalSmsSegments);
  $('estimate-stars-line').hidden = estimate.telegramStars == null;
  $('estimate-stars').textContent = estimate.telegramStars == null ? '' : String(estimate.telegramStars);
  const sms = Object.fromEntries((estimate.sms || []).map((s) => [s.language, s]));
  const rows = Object.entries(estimate.byLanguage || {}).map(([language, n]) => {
    const s = sms[language];
    const tr = el('tr');
    tr.append(cell(language), el('td', number(n)), el('td', number(s ? s.recipients : 0)),
      el('td', s ? s.encoding : '–'), el('td', s ? number(s.segments) : '–'), el('td', s ? number(s.totalSegments) : '–'));
    return tr;
  });
  $('estimate-languages').tBodies[0].replaceChildren(...rows);
  const ucs2 = (estimate.sms || []).filter((s) => s.encoding === 'UCS-2');
  const warning = $('ucs2-warning');
  warning.hidden = ucs2.length === 0;
  warning.textContent = ucs2.map((s) => s.ucs2Characters && s.ucs2Characters.length
    ? `${s.language}: the characters ${s.ucs2Characters.join(' ')} force UCS-2 (70 characters a segment instead of 160).`
    : `${s.language}: sent as UCS-2 (70 characters a segment instead of 160).`).join(' ');
  $('estimate-eta').textContent = etaText(estimate.eta);
  const warnings = estimate.warnings || [];
  $('estimate-warnings').hidden = warnings.length === 0;
  $('estimate-warnings').replaceChildren(...warnings.map((w) => el('li', w)));
  const confirm = $('confirm-send');
  confirm.textContent = `Send to ${number(estimate.recipients)} recipients`;
  confirm.disabled = role === 'Viewer' || estimate.recipients === 0;
  $('estimate').hidden = false;
}

function hideEstimate() {
  estimated = null;
  $('estimate').hidden = true;
}

// One broadcast per click however often it is clicked: the button is disabled before the request leaves.
async function confirmSend() {
  if (sending || !estimated) return;
  sending = true;
  const confirm = $('confirm-send');
  confirm.disabled = true;
  try {
    const answer = await api('/api/broadcasts', { method: 'POST', body: { ...estimated, dryRun: false } });
    $('compose-notice').textContent = answer && answer.state === 'AwaitingApproval'
      ? `Waiting for a second operator: nothing is sent until another key approves it (by ${when(answer.approvalExpiresAt)}).`
      : '';
    hideEstimate();
    $('compose').reset();
    refresh();
  } catch (e) {
    $('compose-error').textContent = e.status === 403 ? 'Your key may not send broadcasts.' : e.message;
    confirm.disabled = false;
  } finally {
    sending = false;
  }
}

// ---- call list, inbox, crossings -------------------------------------------------------------------------

function items(body) { return Array.isArray(body) ? body : (body && body.items) || []; }

function showCallList(body) {
  const rows = items(body).map((c) => {
    const tr = el('tr');
    tr.className = c.status || '';
    tr.append(cell(c.name), cell(c.phone), cell(c.language), cell(c.status), cell(c.reason), cell(when(c.lastContactAt ?? c.lastContact)),
      cell(c.caseId ? `#${c.caseId} ${c.caseState}${c.caseAssignedTo ? ' (' + c.caseAssignedTo + ')' : ''}` : ''));
    return tr;
  });
  $('call-list').tBodies[0].replaceChildren(...rows);
}

function showInbox(body) {
  const list = items(body).map((r) => {
    const li = el('li');
    const head = el('div', `${when(r.receivedAt ?? r.at)} · ${r.channel ?? ''} · `, 'figures');
    const who = el('span', r.citizenName ?? r.name ?? r.citizenId ?? '');
    who.dir = 'auto';
    head.append(who);
    const text = el('div', r.text ?? '', 'reply-text');
    text.dir = 'auto';
    li.append(head, text);
    return li;
  });
  $('inbox').replaceChildren(...list);
}

function showCrossings(body) {
  if (document.activeElement && document.activeElement.closest('#crossings')) return; // do not redraw under the operator's hand
  const admin = role === 'Admin';
  const rows = items(body).map((c) => {
    const tr = el('tr');
    const name = c.name ?? c.nameUk ?? c.nameUa ?? c.id;
    const select = el('select');
    select.setAttribute('aria-label', 'Status of ' + name);
    for (const s of ['Open', 'Congested', 'Closed']) {
      const option = el('option', s);
      option.value = s;
      option.selected = c.status === s;
      select.append(option);
    }
    select.disabled = !admin;
    select.addEventListener('change', () => changeCrossing(c.id, select.value));
    const status = el('td');
    status.append(select);
    tr.append(cell(name), cell(c.country), cell((c.pedestriansAllowed ?? c.pedestrians) === undefined ? '' : ((c.pedestriansAllowed ?? c.pedestrians) ? 'yes' : 'no')), status, cell(c.notes ?? ''));
    return tr;
  });
  $('crossings').tBodies[0].replaceChildren(...rows);
}

async function changeCrossing(id, status) {
  $('crossing-error').textContent = '';
  try {
    await api('/api/crossings/' + encodeURIComponent(id), { method: 'PUT', body: { status } });
  } catch (e) {
    $('crossing-error').textContent = e.message;
  }
  document.activeElement.blur();
  refresh();
}

// ---- wiring ------------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('sign-in-error').textContent = '';
    try {
      await signIn($('api-key').value.trim());
      $('api-key').value = '';
    } catch (e) {
      apiKey = null;
      $('sign-in-error').textContent = e.status === 401 ? 'That key was not accepted.' : e.message;
    }
  });
  $('sign-out').addEventListener('click', () => signOut(''));
  $('dry-run').addEventListener('click', dryRun);
  $('confirm-send').addEventListener('click', confirmSend);
  $('cancel-send').addEventListener('click', hideEstimate);
  // Any change to the form makes the shown estimate stale: the operator must estimate again before sending.
  $('compose').addEventListener('input', hideEstimate);
  if (apiKey) resume();
});

// A reload while the service restarts keeps the key and tries again; only a refused key signs out.
function resume() {
  signIn(apiKey).catch((e) => {
    if (e.status === 401) { signOut('Your key is no longer accepted. Sign in again.'); return; }
    $('sign-in-error').textContent = 'Reconnecting… (' + e.message + ')';
    pollTimer = setTimeout(resume, POLL_MS);
  });
}
