/*
 * The Patches page: polls patches.json, shows slots, counters, chart and ledger, and posts the actions with the
 * page's CSRF token. Everything from the server is put in the page as text, never as HTML.
 */
(function () {
  'use strict';
  var POLL_MS = 1500;
  var root = document.getElementById('patchbay');
  // fetch() refuses URLs that carry credentials (http://user:pass@host/...): build them from the origin
  var base = window.location.origin + root.getAttribute('data-plugin-root');
  var token = root.getAttribute('data-token');
  var $ = function (id) { return document.getElementById(id); };
  var timer = null;
  var polling = false;
  var signature = null;
  var ledgerTotal = -1;

  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return n;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function when(ms) {
    if (!ms) {
      return '\u2014';
    }
    var d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
      + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  function text(v) {
    return v === null || v === undefined || v === '' ? '\u2014' : String(v);
  }

  function implementations(slot) {
    return (slot.active ? [slot.active] : []).concat(slot.standby);
  }

  function implRow(slot, impl) {
    var name = el('td', {}, [el('strong', {}, [impl.bundleSymbolicName + ' ' + impl.bundleVersion])]);
    if (impl.patch) {
      name.appendChild(el('span', { 'class': 'pb-tag', title: 'Declares Patchbay-Patch' }, ['patch']));
    }
    var last = impl.lastSwitch;
    var action = impl.state === 'active' ? el('span', { 'class': 'pb-muted' }, ['serving'])
      : impl.state === 'candidate' ? el('span', { 'class': 'pb-muted' }, ['canary: see above'])
      : el('button', { type: 'button', 'class': 'pb-activate', 'data-slot': slot.id, 'data-impl': impl.id },
        ['Activate']);
    var rowClass = impl.state === 'active' ? 'pb-active' : '';
    return el('tr', { 'data-impl': impl.id, 'data-state': impl.state, 'class': rowClass }, [
      name,
      el('td', {}, ['bundle ' + impl.bundleId + ', service ' + impl.serviceId]),
      el('td', {}, [el('span', { 'class': 'pb-state pb-state-' + impl.state }, [impl.state])]),
      el('td', {}, [when(impl.activeSince)]),
      el('td', {}, [last ? last.action + ' by ' + text(last.actor) + ', ' + when(last.time) : '\u2014']),
      el('td', {}, [text(impl.rejection ? 'rejected by ' + impl.rejection
        : last && last.reason ? last.reason : impl.patchReason)]),
      el('td', { 'class': 'pb-num pb-calls' }, [String(impl.calls)]),
      el('td', { 'class': 'pb-num pb-errors-cell' }, [String(impl.errors)]),
      el('td', { 'class': 'pb-num pb-inflight' }, [String(impl.inFlight)]),
      el('td', {}, [action])
    ]);
  }

  function slotView(slot) {
    var revert = slot.previous.length
      ? el('button', { type: 'button', 'class': 'pb-revert', 'data-slot': slot.id }, ['Revert to ' + slot.previous[0]])
      : el('button', { type: 'button', 'class': 'pb-revert', disabled: 'disabled', title: 'No earlier implementation' },
        ['Nothing to revert']);
    var head = el('div', { 'class': 'ui-widget-header ui-corner-top pb-head' }, [
      el('span', { 'class': 'pb-title' }, [slot.interfaceName]),
      el('span', { 'class': 'pb-sub' }, ['API ' + slot.apiVersion]),
      el('span', { 'class': 'pb-spacer' }), revert]);
    var heads = ['Implementation', 'Bundle', 'State', 'Last activated', 'Last switch', 'Reason', 'Calls', 'Errors',
      'In flight', ''].map(function (h, i) { return el('th', i >= 6 && i <= 8 ? { 'class': 'pb-num' } : {}, [h]); });
    var rows = implementations(slot).map(function (impl) { return implRow(slot, impl); });
    if (!rows.length) {
      rows = [el('tr', {}, [el('td', { colspan: '10', 'class': 'pb-muted' },
        ['No implementation is registered: calls wait for one.'])])];
    }
    var consumers = slot.consumers.map(function (c) {
      return c.bundleSymbolicName + ' ' + c.bundleVersion + ' (bundle ' + c.bundleId + ')';
    }).join(', ');
    return el('div', { 'class': 'pb-section pb-slot', 'data-slot': slot.id }, [head,
      el('table', { 'class': 'nicetable pb-table' }, [el('thead', {}, [el('tr', {}, heads)]), el('tbody', {}, rows)]),
      el('div', { 'class': 'ui-widget-content ui-corner-bottom pb-consumers' },
        ['Consumers: ' + (consumers || 'none yet')])]);
  }

  function renderSlots(data) {
    var sig = JSON.stringify(data.slots, function (k, v) {
      return k === 'calls' || k === 'errors' || k === 'inFlight' ? undefined : v;
    }) + data.ledgerTotal;
    if (sig !== signature) {
      signature = sig;
      var box = $('pb-slots');
      box.textContent = '';
      data.slots.forEach(function (slot) { box.appendChild(slotView(slot)); });
      if (!data.slots.length) {
        box.appendChild(el('div', { 'class': 'ui-widget-content ui-corner-all pb-empty' },
          ['No managed slots: register a service with patchbay.managed=true.']));
      }
      if (window.initStaticWidgets) {
        window.initStaticWidgets(box);
      }
      return;
    }
    data.slots.forEach(function (slot) {
      implementations(slot).forEach(function (impl) {
        var row = root.querySelector('.pb-slot[data-slot="' + CSS.escape(slot.id) + '"] '
          + 'tr[data-impl="' + CSS.escape(impl.id) + '"]');
        if (row) {
          row.querySelector('.pb-calls').textContent = String(impl.calls);
          var errors = row.querySelector('.pb-errors-cell');
          errors.textContent = String(impl.errors);
          errors.classList.toggle('pb-errors', impl.errors > 0);
          row.querySelector('.pb-inflight').textContent = String(impl.inFlight);
        }
      });
    });
  }

  // the ledger's integrity and whether patches are verified; an edited ledger is a warning, never a stop
  function renderStatus(status) {
    var line = $('pb-integrity');
    line.textContent = status.ledger + ' ' + status.verification;
    line.classList.toggle('pb-edited', !status.ledgerIntact);
    line.setAttribute('data-intact', status.ledgerIntact ? 'yes' : 'no');
    var warnings = $('pb-warnings');
    if (warnings) { // one sentence each: a surprise in the slots (StatusWarnings)
      warnings.textContent = '';
      (status.warnings || []).forEach(function (w) {
        var item = document.createElement('li');
        item.textContent = w;
        warnings.appendChild(item);
      });
    }
  }

  function renderLedger(data) {
    if (data.ledgerTotal === ledgerTotal) {
      return;
    }
    ledgerTotal = data.ledgerTotal;
    var body = $('pb-ledger').tBodies[0];
    body.textContent = '';
    data.ledger.forEach(function (e) {
      var checksum = e.checksum ? e.checksum.substring(0, 12) + '\u2026' : '\u2014';
      body.appendChild(el('tr', {}, [el('td', {}, [when(e.time)]), el('td', {}, [e.action]),
        el('td', {}, [text(e.actor)]), el('td', {}, [text(e.slot)]), el('td', {}, [text(e.from)]),
        el('td', {}, [text(e.to)]), el('td', {}, [text(e.reason)]),
        el('td', { title: e.checksum || '' }, [el('code', {}, [checksum])]),
        el('td', {}, [text(e.signer)])]));
    });
    if (!data.ledger.length) {
      body.appendChild(el('tr', {}, [el('td', { colspan: '9', 'class': 'pb-muted' },
        ['Nothing has been switched yet.'])]));
    }
    if (window.initStaticWidgets) {
      window.initStaticWidgets($('pb-ledger'));
    }
  }

  function render(data) {
    token = data.token;
    var impls = data.slots.reduce(function (n, s) { return n + implementations(s).length; }, 0);
    var statline = $('pb-statline');
    statline.classList.remove('pb-stale');
    statline.textContent = data.slots.length + (data.slots.length === 1 ? ' slot, ' : ' slots, ') + impls
      + (impls === 1 ? ' implementation' : ' implementations') + ', ' + data.ledgerTotal
      + (data.ledgerTotal === 1 ? ' ledger entry' : ' ledger entries') + '; updated '
      + when(data.time).substring(11) + '.';
    renderStatus(data.status);
    renderSlots(data);
    renderLedger(data);
    if (window.PatchbayCanaries) {
      window.PatchbayCanaries.render(data);
    }
    window.PatchbayChart.record(data);
    window.PatchbayChart.draw($('pb-chart'), $('pb-legend'), data.ledger);
  }

  function poll() {
    window.clearTimeout(timer);
    if (polling) {
      return;
    }
    polling = true;
    fetch(base + '.json', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(render)
      .catch(function (e) {
        var statline = $('pb-statline');
        statline.classList.add('pb-stale');
        statline.textContent = 'Could not refresh the state (' + e.message + '); retrying.';
      })
      .then(function () { polling = false; timer = window.setTimeout(poll, POLL_MS); });
  }

  function show(kind, sentence) {
    var result = $('pb-result');
    result.className = 'pb-result pb-' + kind;
    result.textContent = sentence;
    result.hidden = false;
  }

  function buttons(enabled) {
    root.querySelectorAll('button').forEach(function (b) {
      if (!enabled) {
        b.setAttribute('data-was-disabled', b.disabled ? 'yes' : 'no');
        b.disabled = true;
      } else if (b.getAttribute('data-was-disabled') === 'no') {
        b.disabled = false;
      }
    });
  }

  // the token goes in a header, never in the URL: the console refuses a POST without it before reading the body
  function post(body, busy) {
    var headers = { 'X-Patchbay-Token': token };
    if (typeof body === 'string') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } // a FormData body: the browser sets multipart/form-data with its boundary
    show('busy', busy);
    buttons(false);
    return fetch(base, { method: 'POST', credentials: 'same-origin', body: body, headers: headers })
      .then(function (r) {
        return r.json().catch(function () {
          return { ok: false, message: 'The console answered HTTP ' + r.status + '.' };
        });
      })
      .catch(function (e) {
        return { ok: false, message: 'The request did not reach the console: ' + e.message + '.' };
      })
      .then(function (result) {
        show(result.ok ? 'ok' : 'failed', result.message);
        buttons(true);
        if (result.ok) {
          $('pb-reason').value = '';
        }
        signature = null;
        poll();
        return result;
      });
  }

  function form(fields) {
    fields.reason = $('pb-reason').value;
    return new URLSearchParams(fields).toString();
  }

  $('pb-apply').addEventListener('submit', function (event) {
    event.preventDefault();
    var file = $('pb-file').files[0];
    if (!file) {
      show('failed', 'Choose a patch jar to upload first.');
      return;
    }
    var upload = new FormData();
    upload.append('action', 'apply');
    upload.append('reason', $('pb-reason').value);
    upload.append('patch', file, file.name);
    post(upload, 'Applying ' + file.name + '\u2026')
      .then(function (result) { if (result.ok) { $('pb-file').value = ''; } });
  });

  root.addEventListener('click', function (event) {
    var b = event.target.closest('button');
    if (!b || b.disabled) {
      return;
    }
    if (b.classList.contains('pb-revert')) {
      post(form({ action: 'revert', slot: b.getAttribute('data-slot') }), 'Reverting\u2026');
    } else if (b.classList.contains('pb-activate')) {
      post(form({ action: 'activate', slot: b.getAttribute('data-slot'),
        implementation: b.getAttribute('data-impl') }), 'Activating ' + b.getAttribute('data-impl') + '\u2026');
    }
  });

  // what canary.js shares with this page: the same elements, the same POST (token, busy state, result sentence)
  window.PatchbayPage = { el: el, when: when, show: show, post: post };

  poll();
}());
