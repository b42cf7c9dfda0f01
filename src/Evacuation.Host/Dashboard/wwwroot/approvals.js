// "Waiting for a second operator": large live broadcasts held until an operator signed in with another key approves
// them. Each shows what the approver needs to decide: who asked, until when, the estimate, the audience and the text
// every language will get. Uses app.js's api, el, cell, when, number, role and myName; refreshed with the page.
'use strict';

const approvalDecisions = new Set(); // broadcasts this tab has sent a decision for: one click, one request

async function refreshApprovals() {
  const panel = $('approvals').closest('section');
  if (document.activeElement && document.activeElement.closest('#approvals')) return; // do not redraw under the operator's hand
  const waiting = await api('/api/broadcasts?state=AwaitingApproval&limit=50');
  const details = await Promise.all(waiting.map((b) => api('/api/broadcasts/' + encodeURIComponent(b.id))));
  panel.hidden = details.length === 0;
  $('approvals').replaceChildren(...details.map(approvalItem));
}
sections.push(refreshApprovals);

function approvalItem(b) {
  const a = b.approval;
  const li = el('li');
  li.dataset.testid = 'approval';
  li.dataset.broadcastId = b.id;
  const head = el('div');
  head.append(el('strong', b.kind), ` to ${number(b.recipients)} recipients · ${b.channels} · asked by `, el('strong', a.requestedBy),
    ` at ${when(a.requestedAt)} · approve by ${when(a.expiresAt)}` + (new Date(a.sendAt) > new Date() ? ` · to send at ${when(a.sendAt)}` : ''));
  li.append(head, approvalEstimate(a.estimate), el('div', 'Audience: ' + audienceText(a.audience), 'figures'), approvalTexts(a.text), approvalActions(b));
  return li;
}

function approvalEstimate(estimate) {
  const line = el('div', '', 'figures');
  line.dataset.testid = 'approval-estimate';
  if (!estimate) return line;
  const ucs2 = (estimate.sms || []).filter((s) => s.encoding === 'UCS-2').map((s) => s.language);
  line.textContent = `${number(estimate.recipients)} recipients: ${number(estimate.byChannel.telegram ?? 0)} by Telegram, ` +
    `${number(estimate.byChannel.sms ?? 0)} by SMS, ${number(estimate.totalSmsSegments)} SMS segments` + (ucs2.length ? ` (UCS-2: ${ucs2.join(', ')})` : '');
  return line;
}

function audienceText(audience) {
  const parts = [];
  if (audience.statuses && audience.statuses.length) parts.push('statuses ' + audience.statuses.join(', '));
  if (audience.regions && audience.regions.length) parts.push('regions ' + audience.regions.join(', '));
  if (audience.crossings && audience.crossings.length) parts.push('crossings ' + audience.crossings.join(', '));
  return parts.length ? parts.join('; ') : 'everyone not opted out';
}

function approvalTexts(texts) {
  const details = el('details');
  details.open = true; // the approver reads what will be sent before deciding
  details.append(el('summary', 'The message, in each language'));
  for (const [language, text] of Object.entries(texts || {})) {
    const block = el('div', null, 'reply-text');
    block.dir = 'auto';
    block.lang = language;
    block.append(el('strong', language + ': '), text);
    details.append(block);
  }
  return details;
}

function approvalActions(b) {
  const row = el('div', null, 'row actions');
  const mine = myName && b.approval.requestedBy.toLowerCase() === myName.toLowerCase();
  if (mine) {
    row.append(el('span', 'You asked for this: another operator must approve it.', 'note'),
      decisionButton(b, 'Withdraw', 'cancel', null));
    return row;
  }
  const reason = el('input');
  reason.placeholder = 'reason (optional)';
  reason.setAttribute('aria-label', 'Reason for rejecting');
  reason.maxLength = 500;
  row.append(decisionButton(b, `Approve and send to ${number(b.recipients)}`, 'approve', null, 'danger'),
    reason, decisionButton(b, 'Reject', 'reject', reason));
  return row;
}

function decisionButton(b, label, decision, reason, className) {
  const button = el('button', label, className);
  button.type = 'button';
  button.dataset.testid = 'approval-' + decision;
  button.disabled = role === 'Viewer' || approvalDecisions.has(b.id);
  button.addEventListener('click', () => decide(b.id, decision, reason, button));
  return button;
}

async function decide(id, decision, reason, button) {
  if (approvalDecisions.has(id)) return;
  approvalDecisions.add(id);
  button.disabled = true;
  $('approval-error').textContent = '';
  try {
    const body = reason && reason.value.trim() ? { reason: reason.value.trim() } : undefined;
    await api('/api/broadcasts/' + encodeURIComponent(id) + '/' + decision, { method: 'POST', body });
  } catch (e) {
    approvalDecisions.delete(id);
    $('approval-error').textContent = e.message;
  }
  if (document.activeElement) document.activeElement.blur();
  refresh();
}
