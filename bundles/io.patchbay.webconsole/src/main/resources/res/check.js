/*
 * The Check button of the Patches page: posts the chosen jar to patches/check (a dry run of Apply, which changes
 * nothing) with the page's CSRF token, and shows the answer as text: what Apply would do, how the patch resolves,
 * its checksum and signer, or the sentence Apply would refuse it with.
 */
(function () {
  'use strict';
  var root = document.getElementById('patchbay');
  var base = window.location.origin + root.getAttribute('data-plugin-root');
  var $ = function (id) { return document.getElementById(id); };

  function show(kind, lines) {
    var result = $('pb-result');
    result.className = 'pb-result pb-' + kind;
    result.style.whiteSpace = 'pre-wrap';
    result.textContent = lines.join('\n');
    result.hidden = false;
  }

  function details(check) {
    var lines = [check.message];
    lines.push('Slot: ' + (check.slot || 'decided when it registers: ' + check.candidates.join(', ')));
    if (check.fragment) {
      lines.push('Host: ' + check.host + (check.hostPatchable ? ', patchable' : ', NOT patchable'));
    }
    lines.push('Replaces: ' + (check.replaces || 'nothing'));
    lines.push('Resolution: ' + check.resolution);
    check.wires.forEach(function (w) { lines.push('  ' + w); });
    lines.push('SHA-256: ' + check.checksum);
    lines.push('Signer: ' + (check.signer || (check.verifying ? 'none' : 'not verified (no trust store)')));
    check.warnings.forEach(function (w) { lines.push('Warning: ' + w); });
    if (check.notChecked) {
      lines.push(check.notChecked);
    }
    return lines;
  }

  $('pb-check-button').addEventListener('click', function () {
    var file = $('pb-file').files[0];
    if (!file) {
      show('failed', ['Choose a patch jar to check first.']);
      return;
    }
    var upload = new FormData();
    upload.append('patch', file, file.name);
    show('busy', ['Checking ' + file.name + '\u2026']);
    fetch(base + '/check', { method: 'POST', credentials: 'same-origin', body: upload,
      headers: { 'X-Patchbay-Token': root.getAttribute('data-token') } })
      .then(function (r) {
        return r.json().catch(function () {
          return { ok: false, message: 'The console answered HTTP ' + r.status + '.' };
        });
      })
      .catch(function (e) {
        return { ok: false, message: 'The request did not reach the console: ' + e.message + '.' };
      })
      .then(function (answer) {
        show(answer.ok ? 'ok' : answer.status === 409 ? 'busy' : 'failed',
          answer.check ? details(answer.check) : [answer.message]);
      });
  });
}());
