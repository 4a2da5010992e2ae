/*
 * Calls per second by implementation over the last minutes, drawn as plain SVG. The rates come from the call
 * counters of successive patches.json answers, so the time axis starts when the page was opened and grows to
 * five minutes; switches from the ledger are marked as dashed lines.
 */
window.PatchbayChart = (function () {
  'use strict';
  var WINDOW_MS = 5 * 60 * 1000;
  var MIN_WINDOW_MS = 20 * 1000;
  var TICKS_MS = [5000, 10000, 15000, 30000, 60000];
  var HEIGHT = 190;
  var MARGIN = { left: 48, right: 14, top: 16, bottom: 24 };
  var COLORS = ['#2a6fb0', '#c8442d', '#4f9a3a', '#e08a1e', '#7d55a8', '#8c564b', '#c2478f', '#1f9aa8'];
  var NS = 'http://www.w3.org/2000/svg';
  var series = {};
  var colors = 0;
  var now = 0;
  var first = 0;

  function record(data) {
    now = data.time;
    first = first || now;
    var many = data.slots.length > 1;
    data.slots.forEach(function (slot) {
      var impls = (slot.active ? [slot.active] : []).concat(slot.standby);
      impls.forEach(function (impl) {
        var key = slot.id + '|' + impl.id;
        var s = series[key];
        if (!s) {
          var label = impl.id + (many ? ' in ' + slot.interfaceName.replace(/.*\./, '') + '@' + slot.apiVersion : '');
          s = series[key] = { id: impl.id, label: label, color: COLORS[colors++ % COLORS.length], points: [] };
        }
        if (s.last && now > s.last.t) {
          var rate = Math.max(0, impl.calls - s.last.calls) * 1000 / (now - s.last.t);
          s.points.push({ t: now, v: rate });
        }
        s.last = { t: now, calls: impl.calls };
        s.state = impl.state;
        s.seen = now;
      });
    });
    Object.keys(series).forEach(function (key) {
      var s = series[key];
      s.points = s.points.filter(function (p) { return p.t >= now - WINDOW_MS; });
      if (s.seen < now - WINDOW_MS) {
        delete series[key];
      } else if (s.seen < now) {
        s.state = 'gone';
      }
    });
  }

  function node(tag, attrs, text) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) {
      n.textContent = text;
    }
    return n;
  }

  /** A round grid step (1, 2 or 5 times a power of ten) that fits {@code max} in about four lines. */
  function gridStep(max) {
    var raw = Math.max(max, 1) / 4;
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    return [1, 2, 5, 10].map(function (m) { return m * power; }).find(function (s) { return s >= raw; });
  }

  function ago(ms) {
    return ms >= 60000 ? '\u2212' + ms / 60000 + ' min' : '\u2212' + ms / 1000 + ' s';
  }

  function rateText(v) {
    return (v < 10 ? v.toFixed(1) : Math.round(v).toString()) + '/s';
  }

  function draw(svg, legend, ledger) {
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    var width = svg.clientWidth || svg.parentNode.clientWidth || 800;
    var plotW = width - MARGIN.left - MARGIN.right;
    var plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    var span = Math.min(WINDOW_MS, Math.max(MIN_WINDOW_MS, now - first));
    var start = now - span;
    var keys = Object.keys(series);
    var top = Math.max.apply(null, [0].concat(keys.map(function (k) {
      return Math.max.apply(null, [0].concat(series[k].points.map(function (p) { return p.v; })));
    })));
    var step = gridStep(top);
    var max = step * Math.max(1, Math.ceil(top / step));
    var x = function (t) { return MARGIN.left + (t - start) / span * plotW; };
    var y = function (v) { return MARGIN.top + plotH - v / max * plotH; };

    for (var v = 0; v <= max + step / 2; v += step) {
      svg.appendChild(node('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(v), y2: y(v),
        'class': v === 0 ? 'pb-axis' : 'pb-grid' }));
      svg.appendChild(node('text', { x: MARGIN.left - 6, y: y(v) + 3, 'text-anchor': 'end' }, rateText(v)));
    }
    var tick = TICKS_MS.find(function (t) { return span / t <= 6; });
    for (var back = 0; back <= span; back += tick) {
      svg.appendChild(node('line', { x1: x(now - back), x2: x(now - back), y1: MARGIN.top + plotH,
        y2: MARGIN.top + plotH + 4, 'class': 'pb-axis' }));
      svg.appendChild(node('text', { x: x(now - back), y: HEIGHT - 6, 'text-anchor': back === 0 ? 'end' : 'middle' },
        back === 0 ? 'now' : ago(back)));
    }
    (ledger || []).filter(function (e) { return e.time >= start && e.time <= now; }).forEach(function (e) {
      var right = x(e.time) > MARGIN.left + plotW * 0.7;
      svg.appendChild(node('line', { x1: x(e.time), x2: x(e.time), y1: MARGIN.top, y2: MARGIN.top + plotH,
        'class': 'pb-mark' }));
      svg.appendChild(node('text', { x: x(e.time) + (right ? -4 : 4), y: MARGIN.top - 4,
        'text-anchor': right ? 'end' : 'start' }, e.action + ' \u2192 ' + (e.to || 'none')));
    });
    keys.forEach(function (k) {
      var s = series[k];
      if (s.points.length > 0) {
        var last = s.points[s.points.length - 1];
        svg.appendChild(node('polyline', { 'class': 'pb-line', stroke: s.color,
          points: s.points.map(function (p) { return x(p.t).toFixed(1) + ',' + y(p.v).toFixed(1); }).join(' ') }));
        svg.appendChild(node('circle', { cx: x(last.t), cy: y(last.v), r: 3, fill: s.color }));
      }
    });
    drawLegend(legend, keys);
  }

  function drawLegend(legend, keys) {
    while (legend.firstChild) {
      legend.removeChild(legend.firstChild);
    }
    keys.forEach(function (k) {
      var s = series[k];
      var current = s.points.length ? s.points[s.points.length - 1].v : 0;
      var item = document.createElement('span');
      item.setAttribute('data-series', s.id);
      item.setAttribute('data-rate', current.toFixed(2));
      item.setAttribute('data-points', String(s.points.length));
      var swatch = document.createElement('span');
      swatch.className = 'pb-swatch';
      swatch.style.background = s.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(s.label + ' (' + s.state + '): ' + rateText(current)));
      legend.appendChild(item);
    });
  }

  return { record: record, draw: draw };
}());
