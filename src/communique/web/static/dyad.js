// The dyad chart: events per period stacked by type, mean PLOVER score as a line.
// Data come from the JSON API named in the chart element's data-api attribute (its member
// named in data-key when there is one: the actor page's "timeline").
(function () {
  "use strict";
  var el = document.getElementById("chart");
  if (!el || typeof echarts === "undefined") { return; }
  fetch(el.dataset.api, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (body) {
      var d = el.dataset.key ? (body[el.dataset.key] || {}) : body;
      if (!d.periods || !d.periods.length) { el.style.display = "none"; return; }
      var chart = echarts.init(el);
      var series = d.types.map(function (type) {
        return { name: type, type: "bar", stack: "events", data: d.counts[type] };
      });
      series.push({
        name: el.dataset.score, type: "line", yAxisIndex: 1, data: d.mean_score,
        symbolSize: 6, lineStyle: { width: 2 }
      });
      chart.setOption({
        tooltip: { trigger: "axis", renderMode: "richText" },
        legend: { type: "scroll" },
        grid: { left: 48, right: 48, bottom: 48, top: 48 },
        xAxis: { type: "category", data: d.periods },
        yAxis: [
          { type: "value", name: el.dataset.count, minInterval: 1 },
          { type: "value", name: el.dataset.score, min: -10, max: 10 }
        ],
        series: series
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
})();
