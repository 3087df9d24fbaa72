/* accord dashboard: draws charts from JSON specs and links facts to their evidence.
 * Data arrives in <script type="application/json"> blocks (parsed, never evaluated);
 * the specs are shaped on the server (accord/serve/charts.py). */
(function () {
  "use strict";

  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  var FONT = { family: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 12, color: "#222" };

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function narrow() { return window.matchMedia("(max-width: 700px)").matches; }

  function baseLayout(spec) {
    return {
      font: FONT,
      margin: { l: narrow() ? 50 : 70, r: 10, t: 10, b: 60 },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      showlegend: true,
      legend: { orientation: "h", y: -0.3, x: 0 },
      xaxis: { title: { text: spec.x_title || "" }, automargin: true },
      yaxis: { title: { text: spec.y_title || "" }, automargin: true },
      hovermode: "closest"
    };
  }

  function empty(el, text) {
    el.textContent = text;
    el.classList.add("empty");
  }

  function follow(el) {
    el.on("plotly_click", function (ev) {
      var p = ev && ev.points && ev.points[0];
      if (p && p.customdata) { window.location.href = p.customdata; }
    });
  }

  var draw = {};

  draw.bars = function (el, spec) {
    var total = 0;
    spec.series.forEach(function (s) { s.y.forEach(function (v) { total += v; }); });
    if (!spec.x.length || total === 0) { return empty(el, "No data for this view."); }
    var dated = spec.x_type === "date";
    var traces = spec.series.map(function (s) {
      var t = { type: "bar", name: s.name, x: spec.x, y: s.y };
      if (s.colour) { t.marker = { color: s.colour }; }
      if (dated) { t.xperiod = spec.period; t.xperiodalignment = "middle"; }
      return t;
    });
    var layout = baseLayout(spec);
    layout.barmode = "stack";
    /* a time axis: months or years evenly spaced, gaps shown as gaps */
    layout.xaxis.type = dated ? "date" : "category";
    if (dated && spec.unit === "year") {
      layout.xaxis.tickformat = "%Y";
      var years = parseInt(spec.x[spec.x.length - 1], 10) - parseInt(spec.x[0], 10);
      if (years <= 12) { layout.xaxis.dtick = "M12"; }  /* else plotly spaces the ticks */
    }
    return Plotly.newPlot(el, traces, layout, CONFIG);
  };

  draw.timeline = function (el, spec) {
    if (!spec.series.length) { return empty(el, "No dated events in this view."); }
    var traces = spec.series.map(function (s) {
      return {
        type: "scatter", mode: "markers", name: s.name, x: s.x,
        y: s.x.map(function () { return s.name; }),
        marker: { color: s.colour, symbol: s.symbol, size: 12, line: { width: 2, color: s.colour } },
        hovertext: s.text, hoverinfo: "text", customdata: s.url
      };
    });
    var layout = baseLayout(spec);
    layout.xaxis.type = "date";
    layout.yaxis.type = "category";
    var times = [];
    spec.series.forEach(function (s) { s.x.forEach(function (d) { times.push(Date.parse(d)); }); });
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    var season = 90 * 24 * 3600 * 1000;
    if (hi - lo < 2 * season) {  /* one date or a few close ones: show months, not milliseconds */
      layout.xaxis.range = [new Date(lo - season).toISOString(), new Date(hi + season).toISOString()];
    }
    return Plotly.newPlot(el, traces, layout, CONFIG).then(follow);
  };

  draw.network = function (el, spec) {
    if (!spec.nodes.length) { return empty(el, "No cooperation in this view."); }
    var traces = spec.edges.map(function (e) {
      return {
        type: "scatter", mode: "lines", x: e.x, y: e.y, hoverinfo: "skip", showlegend: false,
        line: { width: e.width, color: "rgba(90,90,110,0.35)" }
      };
    });
    // Actors before the pair markers: plotly resolves a click that covers both to the
    // earlier trace, so a node under an edge midpoint still opens the actor.
    traces.push({
      type: "scatter", mode: "markers+text", name: "actors", showlegend: false,
      x: spec.nodes.map(function (n) { return n.x; }),
      y: spec.nodes.map(function (n) { return n.y; }),
      text: spec.nodes.map(function (n) { return n.label; }),
      textposition: "top center",
      textfont: { size: 12, color: "#222" },
      hovertext: spec.nodes.map(function (n) { return n.name + " (" + n.code + ") · " + n.sector + " · weight " + n.weight; }),
      hoverinfo: "text",
      customdata: spec.nodes.map(function (n) { return n.url; }),
      marker: {
        size: spec.nodes.map(function (n) { return n.size; }),
        color: spec.nodes.map(function (n) { return n.colour; }),
        line: { width: 1, color: "#fff" }
      }
    });
    traces.push({
      type: "scatter", mode: "markers", name: "pairs", showlegend: false,
      x: spec.edges.map(function (e) { return e.handle[0]; }),
      y: spec.edges.map(function (e) { return e.handle[1]; }),
      marker: { size: 7, color: "rgba(90,90,110,0.25)", symbol: "diamond" },
      hovertext: spec.edges.map(function (e) { return e.label; }), hoverinfo: "text",
      customdata: spec.edges.map(function (e) { return e.url; })
    });
    var axis = { visible: false, zeroline: false, showgrid: false, range: [-1.2, 1.2] };
    var layout = {
      font: FONT, margin: { l: 5, r: 5, t: 5, b: 5 }, hovermode: "closest",
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      xaxis: axis, yaxis: Object.assign({}, axis, { scaleanchor: narrow() ? undefined : undefined })
    };
    return Plotly.newPlot(el, traces, layout, CONFIG).then(function (gd) {
      follow(gd);
      cullLabels(gd);
      gd.on("plotly_afterplot", function () { cullLabels(gd); });
    });
  };

  /* Network labels, heaviest node first (the spec's order): a label that would cover
   * one already shown is hidden; its node still names itself on hover. */
  function cullLabels(el) {
    var kept = [];
    el.querySelectorAll(".scatterlayer .textpoint text").forEach(function (t) {
      t.style.display = "";
      if (!t.textContent) { return; }
      var b = t.getBoundingClientRect();
      var clash = kept.some(function (k) {
        return b.left < k.right + 2 && k.left < b.right + 2 && b.top < k.bottom && k.top < b.bottom;
      });
      if (clash) { t.style.display = "none"; } else { kept.push(b); }
    });
  }

  /* Run fn once the page has painted: a frame, then a task after it (a timer as well,
     as hidden tabs get no frames). */
  function afterPaint(fn) {
    var done = false;
    function once() { if (!done) { done = true; fn(); } }
    requestAnimationFrame(function () { setTimeout(once, 0); });
    setTimeout(once, 250);
  }

  /* The served pages name plotly.js in a meta tag and preload it; it runs only after
     the first paint. The offline report inlines it, so Plotly is already there. */
  function withPlotly(then) {
    var meta = document.querySelector('meta[name="accord-plotly"]');
    if (typeof Plotly !== "undefined" || !meta) { then(); return; }
    afterPaint(function () {
      var script = document.createElement("script");
      script.src = meta.getAttribute("content");
      script.onload = then;
      script.onerror = then;
      document.head.appendChild(script);
    });
  }

  function drawCharts() {
    if (document.querySelector("[data-chart]")) { withPlotly(drawNow); }
  }

  function drawNow() {
    var charts = document.querySelectorAll("[data-chart]");
    if (typeof Plotly === "undefined") {
      charts.forEach(function (el) { empty(el, "Charts need plotly.js (pip install plotly)."); });
      return;
    }
    charts.forEach(function (el) {
      var spec = readJSON(el.getAttribute("data-chart"));
      var fn = spec && draw[spec.kind];
      if (fn) { fn(el, spec); }
    });
  }

  function colourSwatches() {
    document.querySelectorAll("[data-colour]").forEach(function (el) {
      el.style.backgroundColor = el.getAttribute("data-colour");
    });
  }

  /* Document page: a fact in the list lights up its evidence, and the reverse. */
  function linkFacts() {
    var body = document.getElementById("body");
    if (!body) { return; }
    var marks = body.querySelectorAll("mark[data-facts]");
    function clear() {
      document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    }
    function show(key, scroll) {
      clear();
      var first = null;
      marks.forEach(function (m) {
        if (m.getAttribute("data-facts").split(" ").indexOf(key) >= 0) {
          m.classList.add("active");
          first = first || m;
        }
      });
      document.querySelectorAll('[data-fact="' + key + '"]').forEach(function (el) { el.classList.add("active"); });
      if (first && scroll) { first.scrollIntoView({ behavior: "smooth", block: "center" }); }
    }
    document.querySelectorAll("[data-fact]").forEach(function (li) {
      var key = li.getAttribute("data-fact");
      li.addEventListener("click", function () { show(key, true); });
      li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { show(key, true); } });
    });
    marks.forEach(function (m) {
      m.addEventListener("click", function () {
        var keys = m.getAttribute("data-facts").split(" ");
        show(keys[0], false);
        var li = document.querySelector('[data-fact="' + keys[0] + '"]');
        if (li) { li.scrollIntoView({ behavior: "smooth", block: "nearest" }); }
      });
    });
    document.querySelectorAll(".kind-toggle").forEach(function (box) {
      box.addEventListener("change", function () {
        body.classList.toggle("hide-" + box.value, !box.checked);
      });
    });
  }

  function init() {
    colourSwatches();
    linkFacts();
    drawCharts();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
