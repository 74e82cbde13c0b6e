// The network: nodes are countries or actors, links their interactions, as an ECharts force
// graph. Link width grows with the number of events, its colour follows their mean PLOVER
// score (red conflict, grey neutral, green cooperation). Data come from /api/network (the
// element's data-api); names are drawn as text (no HTML), clicks open the pages.
(function () {
  "use strict";
  var el = document.getElementById("network");
  if (!el || typeof echarts === "undefined") { return; }
  var actors = el.dataset.nodes === "actors";
  var langQ = el.dataset.lang === "zh" ? "?lang=zh" : "";

  function mix(a, b, f) {
    return a.map(function (x, i) { return Math.round(x + (b[i] - x) * f); });
  }
  function scoreColour(score) {
    if (score === null || score === undefined) { return "rgb(156,163,175)"; }
    var grey = [156, 163, 175], red = [220, 38, 38], green = [22, 163, 74];
    var f = Math.max(-1, Math.min(1, score / 10));
    var c = f < 0 ? mix(grey, red, -f) : mix(grey, green, f);
    return "rgb(" + c.join(",") + ")";
  }
  function nodeUrl(id) {
    return actors ? "/actors/" + encodeURIComponent(id) + langQ
      : "/?country=" + encodeURIComponent(id) + (langQ ? "&lang=zh" : "");
  }

  fetch(el.dataset.api, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (d) {
      if (!d.edges || !d.edges.length) { el.style.display = "none"; return; }
      var maxCount = Math.max.apply(null, d.edges.map(function (e) { return e.count; }));
      var maxWeight = Math.max.apply(null, d.nodes.map(function (n) { return n.weight; }));
      var nodes = d.nodes.map(function (n) {
        var name = n.latin && el.dataset.lang !== "zh" ? n.label + " " + n.latin : n.label;
        return {
          id: n.id, name: name, value: n.weight,
          symbolSize: 8 + 32 * Math.sqrt(n.weight / maxWeight),
          label: { show: n.weight >= maxWeight / 20 || d.nodes.length <= 40 }
        };
      });
      var links = d.edges.map(function (e) {
        return {
          source: e.source, target: e.target, value: e.count, score: e.mean_score,
          lineStyle: { width: 1 + 7 * Math.sqrt(e.count / maxCount),
                       color: scoreColour(e.mean_score), opacity: 0.8 }
        };
      });
      var byId = {};
      nodes.forEach(function (n) { byId[n.id] = n.name; });
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: {
          renderMode: "richText",
          formatter: function (p) {
            if (p.dataType === "edge") {
              var s = p.data.score === null ? "—" : p.data.score;
              return byId[p.data.source] + " – " + byId[p.data.target] + "\n" +
                el.dataset.count + ": " + p.data.value + "\n" + el.dataset.score + ": " + s;
            }
            return p.data.name + "\n" + el.dataset.count + ": " + p.data.value;
          }
        },
        series: [{
          type: "graph", layout: "force", roam: true, draggable: true,
          zoom: d.nodes.length > 40 ? 0.7 : 1,
          force: { repulsion: d.nodes.length > 40 ? 70 : 350, edgeLength: [30, 120], gravity: 0.15 },
          label: { position: "right", fontSize: 12 },
          emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
          data: nodes, links: links
        }]
      });
      chart.on("click", function (p) {
        if (p.dataType === "node") {
          window.location.href = nodeUrl(p.data.id);
        } else if (p.dataType === "edge") {
          window.location.href = "/dyad/" + encodeURIComponent(p.data.source) + "/" +
            encodeURIComponent(p.data.target) + langQ;
        }
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
})();
