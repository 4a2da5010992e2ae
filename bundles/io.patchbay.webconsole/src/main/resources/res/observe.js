/*
 * The Trace and Retired? buttons of the Patches page. Trace posts patches/trace (with the page's CSRF token),
 * then polls patches/trace.json from the last call it has, so the table fills as calls end, until the trace
 * stops by itself (count or time). Retired? shows patches/retired.json: per implementation ever active, whether
 * its class loader was collected, and if not what holds it.
 */
(function () {
  'use strict';
  var root = document.getElementById('patchbay');
  var base = window.location.origin + root.getAttribute('data-plugin-root');
  var $ = function (id) { return document.getElementById(id); };

  function status(text) {
    $('pb-trace-status').textContent = text;
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function answer(r) {
    return r.json().then(function (body) {
      if (!r.ok) {
        throw new Error(body.message || 'HTTP ' + r.status);
      }
      return body;
    });
  }

  function duration(nanos) {
    return nanos < 0 ? 'untimed' : nanos < 10000000 ? Math.floor(nanos / 1000) + ' us' : Math.floor(nanos / 1000000) + ' ms';
  }

  function poll(trace, next) {
    fetch(base + '/trace.json?id=' + trace.id + '&from=' + next, { credentials: 'same-origin' })
      .then(answer)
      .then(function (part) {
        var body = $('pb-trace').tBodies[0];
        part.calls.forEach(function (call) {
          var row = document.createElement('tr');
          row.className = 'pb-trace-call';
          cell(row, new Date(call.time).toISOString().substring(11, 23));
          cell(row, call.consumer);
          cell(row, call.implementation);
          cell(row, duration(call.nanos));
          cell(row, call.exception).classList.toggle('pb-errors', call.exception !== null);
          cell(row, call.key);
          body.appendChild(row);
        });
        status(part.done ? part.next + ' calls traced; stopped: ' + part.stopped
          : 'Tracing ' + part.slot + ': ' + part.next + ' of at most ' + part.maxCalls + ' calls so far\u2026');
        if (!part.done) {
          poll(trace, part.next);
        }
      })
      .catch(function (e) { status('The trace could not be read: ' + e.message); });
  }

  $('pb-trace-button').addEventListener('click', function () {
    var form = new URLSearchParams();
    form.append('slot', $('pb-trace-slot').value);
    form.append('calls', $('pb-trace-calls').value);
    form.append('seconds', $('pb-trace-seconds').value);
    $('pb-trace').tBodies[0].textContent = '';
    $('pb-trace').hidden = false;
    fetch(base + '/trace', { method: 'POST', credentials: 'same-origin', body: form,
      headers: { 'X-Patchbay-Token': root.getAttribute('data-token') } })
      .then(answer)
      .then(function (trace) {
        status('Tracing ' + trace.slot + '\u2026');
        poll(trace, 0);
      })
      .catch(function (e) { status(e.message); });
  });

  $('pb-retired-button').addEventListener('click', function () {
    status('Asking for collections (up to 5 s)\u2026');
    fetch(base + '/retired.json?wait=5000', { credentials: 'same-origin' })
      .then(answer)
      .then(function (report) {
        var body = $('pb-retired').tBodies[0];
        body.textContent = '';
        report.forEach(function (r) {
          var row = document.createElement('tr');
          row.className = 'pb-retired-row';
          row.setAttribute('data-state', r.state);
          cell(row, r.implementation);
          cell(row, r.bundleId);
          cell(row, r.slot);
          cell(row, r.state).classList.toggle('pb-errors', r.state === 'held');
          cell(row, [r.message].concat(r.holders).join(' '));
          body.appendChild(row);
        });
        $('pb-retired').hidden = false;
        status(report.length + ' implementations ever active.');
      })
      .catch(function (e) { status(e.message); });
  });
})();
