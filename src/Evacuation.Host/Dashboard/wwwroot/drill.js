// Drills: the current drill (404: none) with its own counters, and a DRILL banner while it runs; Admins start and
// clean one. Uses app.js's api, number, STATUSES and refresh; refreshed with the page.
'use strict';

async function showDrill() {
  let drill = null;
  try {
    drill = await api('/api/drills/current');
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  $('drill-banner').hidden = !drill || drill.state !== 'Running';
  $('drill-status').hidden = !drill;
  $('drill-none').hidden = !!drill;
  if (!drill) return;
  $('drill-state').textContent = 'DRILL ' + drill.state;
  $('drill-state').className = 'state ' + (drill.state === 'Running' ? 'Sending' : 'Completed');
  $('drill-summary').textContent = number(drill.citizens) + ' demo citizens over ' + drill.minutes + ' min, started by ' + drill.startedBy
    + ' · reminder rounds ' + drill.reminderRounds + ' · broadcasts ' + number(drill.broadcasts)
    + (drill.closedCrossing ? ' · crossing ' + drill.closedCrossing + ' closed' : '');
  $('drill-progress').style.width = Math.round((drill.progress || 0) * 100) + '%';
  for (const status of STATUSES) $('drill-' + status).textContent = number(drill.byStatus[status]);
  $('drill-replies').textContent = number(drill.replies);
  $('drill-messages').textContent = number(drill.messagesSent);
  $('drill-call-list').textContent = number(drill.callList);
  $('drill-cases').textContent = number(drill.helpCases);
}
sections.push(showDrill);

async function drillAction(path, body) {
  $('drill-error').textContent = '';
  try {
    await api(path, { method: 'POST', body });
  } catch (e) {
    $('drill-error').textContent = e.message;
  }
  refresh();
}

document.addEventListener('DOMContentLoaded', () => {
  $('drill-start').addEventListener('click', () => drillAction('/api/drills', {
    citizens: Number($('drill-citizens').value), minutes: Number($('drill-minutes').value), closeCrossing: $('drill-close-crossing').checked,
  }));
  $('drill-clean').addEventListener('click', () => drillAction('/api/drills/clean', {}));
});
