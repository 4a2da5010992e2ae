/*
 * The Canary section of the Patches page: every canary in progress with both arms side by side, its step, its
 * state and the judge's verdict, filled from each patches.json answer (patches.js polls it and calls render); the
 * buttons Promote, Hold, Resume and Revert; the form that starts a canary. It posts through the page's own post()
 * (token, busy state, the result sentence). Everything from the server goes into the page as text, never as HTML.
 */
window.PatchbayCanaries = (function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var page = function () { return window.PatchbayPage; };
  var signature = null;
  var standbys = null;
  var slots = null;

  // the rows of the arms table: field, label, value of an arm (the candidate's arm also gets the baseline's)
  var ROWS = [
    ['share', 'Share', function (a) { return percent(a.share) + ' %'; }],
    ['calls', 'Calls in this step', function (a) { return String(a.calls); }],
    ['errors', 'Errors', function (a) { return String(a.errors); }],
    ['errorRate', 'Error rate', function (a) { return (a.errorRate * 100).toFixed(2) + ' %'; }],
    ['p50', 'p50', function (a) { return a.timedCalls ? micros(a.p50Micros) : '\u2014'; }],
    ['p99', 'p99', function (a) { return a.timedCalls ? micros(a.p99Micros) : '\u2014'; }],
    ['timedCalls', 'Timed calls', function (a) { return String(a.timedCalls); }],
    ['slower', 'Slower than the baseline\u2019s p99 + margin', function (a, isCandidate) {
      return isCandidate ? String(a.slowerThanBaselineP99) : '\u2014';
    }]
  ];

  function percent(share) {
    return share === null || share === undefined ? '\u2014'
      : String(Math.round(share * 100) / 100);
  }

  function micros(us) {
    return us < 1000 ? Math.round(us) + ' \u00b5s' : (us / 1000).toFixed(2) + ' ms';
  }

  function routed(c) {
    var spec = c.spec || {};
    switch (spec.split) {
      case 'keys': return percent(c.share) + ' % of routing keys, sticky (salt ' + spec.salt + ')';
      case 'chosen-keys': return 'the calls with the keys ' + (spec.keys || []).join(', ');
      case 'bundles': return 'every call from ' + (spec.bundles || []).join(', ');
      default: return percent(c.share) + ' % of calls, a random share (not sticky)';
    }
  }

  function button(cls, label, slot) {
    return page().el('button', { type: 'button', 'class': 'pb-canary-action ' + cls, 'data-slot': slot }, [label]);
  }

  function view(c) {
    var el = page().el;
    var pause = c.state === 'holding' ? button('pb-canary-resume', 'Resume', c.slot)
      : button('pb-canary-hold', 'Hold', c.slot);
    var head = el('div', { 'class': 'ui-widget-header ui-corner-top pb-head' }, [
      el('span', { 'class': 'pb-title' }, ['Canary of ' + c.candidate]),
      el('span', { 'class': 'pb-sub' }, ['in ' + c.slot]),
      el('span', { 'class': 'pb-state pb-canary-state pb-canary-' + c.state }, [c.state]),
      el('span', { 'class': 'pb-spacer' }),
      button('pb-canary-promote', 'Promote', c.slot), pause, button('pb-canary-revert', 'Revert', c.slot)]);
    var heads = el('tr', {}, [el('th', {}, ['']),
      el('th', { 'class': 'pb-num', 'data-arm': 'baseline' }, ['Baseline ' + c.baseline]),
      el('th', { 'class': 'pb-num', 'data-arm': 'candidate' }, ['Candidate ' + c.candidate])]);
    var rows = ROWS.map(function (row) {
      return el('tr', { 'data-field': row[0] }, [el('th', {}, [row[1]]),
        el('td', { 'class': 'pb-num', 'data-arm': 'baseline', 'data-field': row[0] }),
        el('td', { 'class': 'pb-num', 'data-arm': 'candidate', 'data-field': row[0] })]);
    });
    var verdict = el('div', { 'class': 'ui-widget-content ui-corner-bottom pb-verdict' }, [
      el('span', {}, ['Judge: ']), el('strong', { 'class': 'pb-verdict-word' }), el('span', {}, [' \u2014 ']),
      el('span', { 'class': 'pb-verdict-reason' }),
      el('div', { 'class': 'pb-muted pb-scores' }), el('div', { 'class': 'pb-muted pb-nokey' })]);
    return el('div', { 'class': 'pb-section pb-canary', 'data-slot': c.slot, 'data-state': c.state }, [head,
      el('div', { 'class': 'ui-widget-content pb-canary-step' }),
      el('table', { 'class': 'nicetable pb-table pb-arms' }, [el('thead', {}, [heads]), el('tbody', {}, rows)]),
      verdict]);
  }

  // the numbers and sentences that change with every answer, written into the view in place
  function fill(box, c) {
    var p = page();
    box.querySelector('.pb-canary-step').textContent = 'Step ' + c.step + ' of ' + c.stepCount + ': '
      + routed(c) + ' go to the candidate; ' + c.baseline + ' is the baseline. This step since '
      + p.when(c.stepStarted).substring(11) + ', the canary since ' + p.when(c.started) + '.';
    ROWS.forEach(function (row) {
      box.querySelector('td[data-arm="baseline"][data-field="' + row[0] + '"]').textContent =
        row[2](c.baselineArm, false);
      box.querySelector('td[data-arm="candidate"][data-field="' + row[0] + '"]').textContent =
        row[2](c.candidateArm, true);
    });
    ['baseline', 'candidate'].forEach(function (arm) {
      box.querySelector('td[data-arm="' + arm + '"][data-field="errors"]')
        .classList.toggle('pb-errors', c[arm + 'Arm'].errors > 0);
    });
    var verdict = box.querySelector('.pb-verdict');
    verdict.setAttribute('data-verdict', c.verdict || 'none');
    box.querySelector('.pb-verdict-word').textContent = c.verdict || 'not looked yet';
    box.querySelector('.pb-verdict-reason').textContent = c.reason || 'waiting for its first look';
    box.querySelector('.pb-scores').textContent = c.verdict === null ? '' : 'error test '
      + fixed(c.errorScore) + ', latency test ' + fixed(c.latencyScore) + ': reverts at ' + fixed(c.rejectBound)
      + ', passes at ' + fixed(c.acceptBound) + '.';
    box.querySelector('.pb-nokey').textContent = c.noKeyCalls > 0 ? c.noKeyCalls
      + (c.noKeyCalls === 1 ? ' call' : ' calls') + ' carried no routing key and went to the baseline.' : '';
  }

  function fixed(n) {
    return n === null || n === undefined ? '\u2014' : n.toFixed(2);
  }

  function render(data) {
    var canaries = data.canaries || [];
    var sig = JSON.stringify(canaries.map(function (c) {
      return [c.slot, c.baseline, c.candidate, c.state];
    }));
    var box = $('pb-canaries');
    if (sig !== signature) {
      signature = sig;
      box.textContent = '';
      canaries.forEach(function (c) { box.appendChild(view(c)); });
      if (!canaries.length) {
        box.appendChild(page().el('div', { 'class': 'ui-widget-content ui-corner-all pb-empty pb-canary-none' },
          ['No canary in progress. Start one below: part of a slot\u2019s calls go to a patch while the judge '
            + 'compares it with the active implementation.']));
      }
      // while the page's post() runs every button of the page is off, Apply patch too (never off otherwise)
      if ($('pb-apply-button').disabled) {
        box.querySelectorAll('button').forEach(function (b) {
          b.disabled = true;
          b.setAttribute('data-was-disabled', 'no');
        });
      }
      if (window.initStaticWidgets) {
        window.initStaticWidgets(box);
      }
    }
    canaries.forEach(function (c) {
      var shown = box.querySelector('.pb-canary[data-slot="' + CSS.escape(c.slot) + '"]');
      if (shown) {
        fill(shown, c);
      }
    });
    choices(data.slots);
  }

  // the standbys a canary can try, and the slots, in the form's lists; a choice made there is kept
  function choices(all) {
    var el = page().el;
    var options = [];
    all.forEach(function (slot) {
      slot.standby.forEach(function (impl) { options.push([impl.id, slot.id]); });
    });
    var sig = JSON.stringify(options);
    if (sig !== standbys) {
      standbys = sig;
      refill($('pb-canary-implementation'), 'none: upload a jar', options.map(function (o) {
        return el('option', { value: o[0], 'data-slot': o[1] }, [o[0] + ' (in ' + o[1] + ')']);
      }));
    }
    var ids = JSON.stringify(all.map(function (slot) { return slot.id; }));
    if (ids !== slots) {
      slots = ids;
      refill($('pb-canary-slot'), 'as the patch or the standby says', all.map(function (slot) {
        return el('option', { value: slot.id }, [slot.id]);
      }));
    }
  }

  function refill(select, none, options) {
    var chosen = select.value;
    select.textContent = '';
    select.appendChild(page().el('option', { value: '' }, [none]));
    options.forEach(function (o) { select.appendChild(o); });
    select.value = chosen;
    if (select.value !== chosen) {
      select.value = '';
    }
  }

  function reason() {
    return $('pb-canary-reason').value;
  }

  function start(event) {
    event.preventDefault();
    var p = page();
    var file = $('pb-canary-file').files[0];
    var standby = $('pb-canary-implementation');
    if (file && standby.value) {
      p.show('failed', 'Try one candidate at a time: choose a patch jar or a standby implementation, not both.');
      return;
    }
    if (!file && !standby.value) {
      p.show('failed', 'Choose a patch jar to upload, or a standby implementation, to try as a canary.');
      return;
    }
    var body = new FormData();
    body.append('action', 'canary');
    Array.prototype.forEach.call($('pb-canary-form').elements, function (field) {
      if (field.name && field.type !== 'file' && field.value.trim() !== '') {
        body.append(field.name, field.value);
      }
    });
    if (standby.value && !$('pb-canary-slot').value) {
      body.append('slot', standby.selectedOptions[0].getAttribute('data-slot'));
    }
    if (file) {
      body.append('patch', file, file.name);
    }
    p.post(body, 'Starting a canary of ' + (file ? file.name : standby.value) + '\u2026').then(function (result) {
      if (result.ok) {
        $('pb-canary-form').reset(); // the next canary starts from the defaults again
        signature = null;
      }
    });
  }

  function act(event) {
    var b = event.target.closest('button.pb-canary-action');
    if (!b || b.disabled) {
      return;
    }
    var slot = b.getAttribute('data-slot');
    var action = ['promote', 'hold', 'resume', 'revert'].filter(function (a) {
      return b.classList.contains('pb-canary-' + a);
    })[0];
    var busy = { promote: 'Promoting', hold: 'Holding', resume: 'Resuming', revert: 'Reverting' }[action];
    var body = new URLSearchParams({ action: action, slot: slot, reason: reason() }).toString();
    page().post(body, busy + ' the canary in ' + slot + '\u2026').then(function (result) {
      if (result.ok) {
        $('pb-canary-reason').value = '';
      }
      signature = null;
    });
  }

  $('pb-canary-form').addEventListener('submit', start);
  $('pb-canaries').addEventListener('click', act);

  return { render: render };
}());
