// The network: nodes are countries or actors, links their interactions, as an ECharts graph.
// Link width grows with the number of events, its colour follows their mean PLOVER score
// (red conflict, grey neutral, green cooperation). Data come from /api/network (the element's
// data-api); names are drawn as text (no HTML), clicks open the pages.
//
// The layout is a force simulation run to its end before anything is shown, then stretched to
// fill the box (margins kept for the labels) and drawn as fixed positions: every node starts
// in view, and the graph can still be zoomed, panned and its nodes dragged. Countries are
// labelled as the table names them ("俄罗斯 RUS"); people and organisations by their name, the
// Latin form in the tooltip only. Crowded graphs label their larger nodes only (the others
// on hover), and labels that would overlap are hidden.
(function () {
  "use strict";
  var el = document.getElementById("network");
  if (!el || typeof echarts === "undefined") { return; }
  var actors = el.dataset.nodes === "actors";
  var langQ = el.dataset.lang === "zh" ? "?lang=zh" : "";
  var MARGIN = { left: 24, right: 150, top: 28, bottom: 28 };  // labels sit right of nodes
  var MAX_STRETCH = 2.5;  // how much wider than tall the layout may be pulled
  var ALL_LABELS = 48;  // up to this many nodes, every node is labelled

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
  function nodeName(n) {
    if (actors) { return n.label || n.id; }
    return n.label && n.label !== n.id ? n.label + " " + n.id : n.id;
  }
  // the weight from which a node is labelled: every node in small graphs, else the largest
  // ones (about ALL_LABELS / 2 of them, ties included)
  function labelFrom(weights) {
    if (weights.length <= ALL_LABELS) { return -Infinity; }
    var sorted = weights.slice().sort(function (a, b) { return b - a; });
    return Math.max(sorted[Math.floor(ALL_LABELS / 2) - 1], sorted[sorted.length - 1] + 1);
  }

  // stretch the simulated positions over the box, keeping the aspect within MAX_STRETCH
  function fit(points, width, height) {
    var xs = points.map(function (p) { return p[0]; });
    var ys = points.map(function (p) { return p[1]; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var w = Math.max(width - MARGIN.left - MARGIN.right, 50);
    var h = Math.max(height - MARGIN.top - MARGIN.bottom, 50);
    var sx = x1 > x0 ? w / (x1 - x0) : Infinity, sy = y1 > y0 ? h / (y1 - y0) : Infinity;
    var s = Math.min(sx, sy);
    if (!isFinite(s)) { s = 1; }
    sx = Math.min(sx, s * MAX_STRETCH);
    sy = Math.min(sy, s * MAX_STRETCH);
    if (!isFinite(sx)) { sx = s; }
    if (!isFinite(sy)) { sy = s; }
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    return points.map(function (p) {
      return [MARGIN.left + w / 2 + (p[0] - cx) * sx, MARGIN.top + h / 2 + (p[1] - cy) * sy];
    });
  }

  fetch(el.dataset.api, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (d) {
      if (!d.edges || !d.edges.length) { el.style.display = "none"; return; }
      var count = d.nodes.length;
      var maxCount = Math.max.apply(null, d.edges.map(function (e) { return e.count; }));
      var weights = d.nodes.map(function (n) { return n.weight; });
      var maxWeight = Math.max.apply(null, weights);
      var from = labelFrom(weights);
      var big = count > 24 ? 26 : 34;  // the largest node's diameter
      var nodes = d.nodes.map(function (n) {
        return {
          id: n.id, name: nodeName(n), value: n.weight, latin: n.latin || null,
          symbolSize: Math.min(big, 8 + (big - 8) * Math.sqrt(n.weight / maxWeight)),
          label: { show: n.weight >= from }
        };
      });
      var links = d.edges.map(function (e) {
        return {
          source: e.source, target: e.target, value: e.count, score: e.mean_score,
          lineStyle: { width: 1 + 6 * Math.sqrt(e.count / maxCount),
                       color: scoreColour(e.mean_score), opacity: 0.8 }
        };
      });
      var byId = {};
      nodes.forEach(function (n) { byId[n.id] = n.name; });
      var chart = echarts.init(el);

      // 1. the force simulation, run to its end at once (nothing is painted before step 2)
      chart.setOption({
        animation: false,
        series: [{
          type: "graph", layout: "force",
          force: {
            initLayout: "circular", layoutAnimation: false, gravity: 0.08,
            repulsion: count > 20 ? [120, 260] : [250, 450],
            edgeLength: count > 20 ? [40, 90] : [60, 140]
          },
          data: nodes.map(function (n) {
            return { id: n.id, name: n.name, value: n.value, symbolSize: n.symbolSize };
          }),
          links: links.map(function (l) {
            return { source: l.source, target: l.target, value: l.value };
          })
        }]
      });
      var data = chart.getModel().getSeriesByIndex(0).getData();
      var at = {};
      for (var i = 0; i < data.count(); i++) { at[data.getId(i)] = data.getItemLayout(i).slice(); }
      var raw = nodes.map(function (n) { return at[n.id] || [0, 0]; });

      // 2. the graph as shown, at fixed positions; the view's box is the bounding box of
      // those positions, so a pixel of the layout is a pixel on the page until one zooms
      // (and a new size of the page places the nodes anew)
      function place() {
        var placed = fit(raw, chart.getWidth(), chart.getHeight());
        nodes.forEach(function (n, j) { n.x = placed[j][0]; n.y = placed[j][1]; });
        var xs = placed.map(function (p) { return p[0]; });
        var ys = placed.map(function (p) { return p[1]; });
        var left = Math.min.apply(null, xs), top = Math.min.apply(null, ys);
        var width = Math.max.apply(null, xs) - left, height = Math.max.apply(null, ys) - top;
        // (a flat extent is widened by one on either side, as ECharts widens it)
        if (!width) { left -= 1; width = 2; }
        if (!height) { top -= 1; height = 2; }
        return { left: left, top: top, width: width, height: height, data: nodes };
      }
      var view = place();
      chart.setOption({
        animation: false,  // drawn at once, in place: nothing moves under the pointer
        tooltip: {
          renderMode: "richText",
          formatter: function (p) {
            if (p.dataType === "edge") {
              var s = p.data.score === null ? "—" : p.data.score;
              return byId[p.data.source] + " – " + byId[p.data.target] + "\n" +
                el.dataset.count + ": " + p.data.value + "\n" + el.dataset.score + ": " + s;
            }
            return p.data.name + (p.data.latin ? "\n" + p.data.latin : "") + "\n" +
              el.dataset.count + ": " + p.data.value;
          }
        },
        series: [{
          type: "graph", layout: "none", roam: true, draggable: true,
          scaleLimit: { min: 0.3, max: 5 },
          left: view.left, top: view.top, width: view.width, height: view.height,
          label: { position: "right", fontSize: 12, color: "#1d232a", padding: [1, 2],
                   backgroundColor: "rgba(255,255,255,0.75)", borderRadius: 2 },
          labelLayout: { hideOverlap: true },
          emphasis: { focus: "adjacency", label: { show: true }, lineStyle: { width: 6 } },
          data: nodes,
          links: links
        }]
      }, { replaceMerge: ["series"] });
      chart.on("click", function (p) {
        if (p.dataType === "node") {
          window.location.href = nodeUrl(p.data.id);
        } else if (p.dataType === "edge") {
          window.location.href = "/dyad/" + encodeURIComponent(p.data.source) + "/" +
            encodeURIComponent(p.data.target) + langQ;
        }
      });
      window.addEventListener("resize", function () {
        chart.resize();
        chart.setOption({ series: [place()] });
      });
    });
})();
