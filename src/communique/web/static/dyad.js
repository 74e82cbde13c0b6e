// The dyad chart: events per period stacked by type, mean PLOVER score as a line.
// Data come with the page (a JSON block, #chart-data: the server has them already, and asking
// the API again would compute them twice), else from the JSON API named in the chart
// element's data-api attribute (its member named in data-key when there is one: the actor
// page's "timeline").
// The API lists the periods that have events; the chart spaces time evenly, so the months (or
// years) in between are filled with zero counts and no score. Periods that are not a month or
// a year ("unknown") keep their place at the end.
(function () {
  "use strict";
  var el = document.getElementById("chart");
  if (!el || typeof echarts === "undefined") { return; }
  var SCORE_COLOUR = "#222";  // the mean-score line, on every chart: unlike any bar colour
  var MAX_PERIODS = 1200;  // a span longer than this (a stray date) is left unfilled

  var MONTH = /^(-?\d{4})-(\d{2})$/, YEAR = /^-?\d{4}$/;
  function ordinal(period) {  // months since year 0, or the year; null: not a date
    var m = MONTH.exec(period);
    if (m) { return { by: "month", n: Number(m[1]) * 12 + Number(m[2]) - 1 }; }
    return YEAR.test(period) ? { by: "year", n: Number(period) } : null;
  }
  function label(by, n) {
    var year, pad = function (x, w) {
      var s = String(Math.abs(x));
      while (s.length < w) { s = "0" + s; }
      return (x < 0 ? "-" : "") + s;
    };
    if (by === "year") { return pad(n, 4); }
    year = Math.floor(n / 12);
    return pad(year, 4) + "-" + pad(n - year * 12 + 1, 2);
  }

  // the chart data with every period between the first and the last one
  function filled(d) {
    var dated = [], other = [], by = null, mixed = false;
    d.periods.forEach(function (p, i) {
      var o = ordinal(p);
      if (o && (by === null || by === o.by)) { by = o.by; dated.push({ n: o.n, i: i }); }
      else if (o) { mixed = true; } else { other.push(i); }
    });
    if (mixed || dated.length < 2) { return d; }
    dated.sort(function (x, y) { return x.n - y.n; });
    var first = dated[0].n, last = dated[dated.length - 1].n;
    if (last - first + 1 > MAX_PERIODS) { return d; }
    var at = {};
    dated.forEach(function (x) { at[x.n] = x.i; });
    var rows = [];  // index into the API's arrays, or -1 for a filled period
    var periods = [];
    for (var n = first; n <= last; n++) {
      periods.push(at[n] === undefined ? label(by, n) : d.periods[at[n]]);
      rows.push(at[n] === undefined ? -1 : at[n]);
    }
    other.forEach(function (i) { periods.push(d.periods[i]); rows.push(i); });
    function pick(values, empty) {
      return rows.map(function (i) { return i < 0 ? empty : values[i]; });
    }
    var counts = {};
    d.types.forEach(function (t) { counts[t] = pick(d.counts[t], 0); });
    return {
      by: d.by, periods: periods, types: d.types, counts: counts,
      events: d.events ? pick(d.events, 0) : undefined, mean_score: pick(d.mean_score, null)
    };
  }

  var given = document.getElementById("chart-data");
  var data = given ? Promise.resolve(JSON.parse(given.textContent)) :
    fetch(el.dataset.api, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (body) { return el.dataset.key ? (body[el.dataset.key] || {}) : body; });
  data
    .then(function (raw) {
      if (!raw.periods || !raw.periods.length) { el.style.display = "none"; return; }
      var d = filled(raw);
      var chart = echarts.init(el);
      var series = d.types.map(function (type) {
        return { name: type, type: "bar", stack: "events", data: d.counts[type] };
      });
      series.push({
        name: el.dataset.score, type: "line", yAxisIndex: 1, data: d.mean_score,
        connectNulls: true, z: 5, symbol: "circle", symbolSize: 8, showAllSymbol: true,
        itemStyle: { color: SCORE_COLOUR, borderColor: "#fff", borderWidth: 1.5 },
        lineStyle: { color: SCORE_COLOUR, width: 2.5 },
        emphasis: { focus: "none", scale: 1.4 }
      });
      chart.setOption({
        tooltip: { trigger: "axis", renderMode: "richText" },
        legend: { type: "scroll" },
        grid: { left: 48, right: 48, bottom: 48, top: 56 },
        xAxis: { type: "category", data: d.periods, axisTick: { alignWithLabel: true } },
        yAxis: [
          { type: "value", name: el.dataset.count, minInterval: 1 },
          { type: "value", name: el.dataset.score, min: -10, max: 10, interval: 5,
            splitLine: { show: false },
            axisLine: { show: true, lineStyle: { color: SCORE_COLOUR } } }
        ],
        series: series
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
})();
