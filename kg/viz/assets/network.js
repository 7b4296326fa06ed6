/* The interactive network page of regional-relations-kg (kg/viz/html.py): a small SVG renderer.
   Data: the JSON in <script id="kg-data">; positions, sizes and colours were computed in Python.
   Written by hand (no library): pan, zoom, hover boxes, and filters by category and period. */
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const T = data.text;
  const svg = document.getElementById("kg-svg");
  const stage = document.getElementById("kg-stage");
  const tip = document.getElementById("kg-tip");
  const panel = document.getElementById("kg-panel");
  const persian = data.lang === "fa";
  const RTL = /[\u0590-\u08FF\uFB1D-\uFEFC]/;

  // -- small helpers --------------------------------------------------------------------------
  function digits(value) {
    const text = String(value);
    return persian ? text.replace(/[0-9]/g, d => "۰۱۲۳۴۵۶۷۸۹"[d]) : text;
  }
  function decimal(value, places) {  // Persian uses «٫» as its decimal separator
    const text = digits(value.toFixed(places));
    return persian ? text.replace(".", "٫") : text;
  }
  function fill(template, fields) {
    return template.replace(/\{(\w+)\}/g, (_, k) => digits(fields[k]));
  }
  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function esc(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g,
      c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
  }
  function periodOf(day, freq) { return freq === "year" ? day.slice(0, 4) : day.slice(0, 7); }
  function mix(a, b, t) {  // two #rrggbb colours
    const p = s => [1, 3, 5].map(i => parseInt(s.slice(i, i + 2), 16));
    const x = p(a), y = p(b);
    return "#" + x.map((v, i) => Math.round(v + (y[i] - v) * t).toString(16).padStart(2, "0")).join("");
  }

  // -- state: filters (also in the URL fragment) and the view ---------------------------------
  const allCats = data.categories.map(c => c.name);
  const state = {cats: new Set(allCats), freq: "month", from: null, to: null, undated: true,
                 focus: null, pinned: false};
  const view = {k: 1, x: 0, y: 0};
  const nodes = data.nodes, edges = data.edges, events = data.events;
  const n = nodes.length;
  const maxR = Math.max(9, 26 * Math.min(1, Math.sqrt(40 / Math.max(n, 1))));
  const minR = Math.max(3.5, maxR * 0.22);
  nodes.forEach(d => { d.r = minR + (maxR - minR) * Math.sqrt(d.size); d.rtl = RTL.test(d.label); });

  function readHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (params.has("cat")) state.cats = new Set(params.get("cat").split(",").filter(c => allCats.includes(c)));
    if (params.get("freq") === "year") state.freq = "year";
    state.from = params.get("from");
    state.to = params.get("to");
    if (params.has("undated")) state.undated = params.get("undated") !== "0";
    if (params.has("node")) state.focus = {kind: "node", id: params.get("node")};
    if (params.has("edge")) state.focus = {kind: "edge", id: params.get("edge")};
  }
  function writeHash() {
    const params = new URLSearchParams();
    if (state.cats.size !== allCats.length) params.set("cat", [...state.cats].join(","));
    if (state.freq !== "month") params.set("freq", state.freq);
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    if (!state.undated) params.set("undated", "0");
    if (state.focus && state.pinned) params.set(state.focus.kind, state.focus.id);
    const text = params.toString();
    history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  }

  // -- which events, edges and nodes the filters keep -----------------------------------------
  let visible = {edges: [], degree: [], partners: [], events: 0};
  function eventShown(e) {
    if (!state.cats.has(e.category)) return false;
    if (!e.date) return state.undated;
    const p = periodOf(e.date, state.freq);
    return (!state.from || p >= state.from) && (!state.to || p <= state.to);
  }
  function applyFilters() {
    const shown = events.map(eventShown);
    const degree = new Array(n).fill(0), partners = nodes.map(() => new Set());
    const kept = [], counted = new Set();
    edges.forEach((edge, i) => {
      const list = edge.events.filter(j => shown[j]);
      edge.shown = list;
      if (!list.length) return;
      kept.push(i);
      degree[edge.s] += list.length; degree[edge.t] += list.length;
      partners[edge.s].add(edge.t); partners[edge.t].add(edge.s);
      list.forEach(j => counted.add(j));
    });
    visible = {edges: kept, degree: degree, partners: partners, events: counted.size};
  }

  // -- drawing ------------------------------------------------------------------------------
  const defs = el("defs", {}, svg);
  const marker = el("marker", {id: "kg-arrow", viewBox: "0 0 10 10", refX: "9", refY: "5",
    markerWidth: "7", markerHeight: "7", markerUnits: "userSpaceOnUse", orient: "auto"}, defs);
  el("path", {d: "M0,0 L10,5 L0,10 z", fill: "#666"}, marker);
  const gEdges = el("g", {"class": "kg-edges"}, svg);
  const gHits = el("g", {"class": "kg-hits"}, svg);
  const gNodes = el("g", {"class": "kg-nodes"}, svg);
  const gLabels = el("g", {"class": "kg-labels"}, svg);
  const empty = el("text", {"class": "kg-empty", "text-anchor": "middle", visibility: "hidden"}, svg);
  empty.textContent = T.nothing;

  const edgeEls = edges.map((edge, i) => {
    const line = el("path", {"class": "kg-edge", "marker-end": "url(#kg-arrow)"}, gEdges);
    const hit = el("path", {"class": "kg-hit", "data-edge": i}, gHits);
    return {line: line, hit: hit};
  });
  const nodeEls = nodes.map((d, i) => {
    const c = el("circle", {"class": "kg-node", r: d.r.toFixed(1), fill: d.colour, "data-node": i,
                            "data-id": d.id}, gNodes);
    const t = el("text", {"class": "kg-label", "text-anchor": "middle", direction: d.rtl ? "rtl" : "ltr"}, gLabels);
    t.textContent = d.label;
    return {circle: c, label: t, width: null};
  });
  const hasReverse = new Set(edges.map(e => e.s + ">" + e.t));

  // World → screen: networkx's y points up, the screen's down.
  let fit = {k: 1, x: 0, y: 0};
  function fitView() {
    const w = stage.clientWidth || 800, h = stage.clientHeight || 600;
    if (!n) { fit = {k: 1, x: w / 2, y: h / 2}; return; }
    const xs = nodes.map(d => d.x), ys = nodes.map(d => d.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const pad = maxR + 30;
    const k = Math.min((w - 2 * pad) / ((x1 - x0) || 1), (h - 2 * pad - 14) / ((y1 - y0) || 1));
    fit = {k: k, x: w / 2 - k * (x0 + x1) / 2, y: h / 2 + k * (y0 + y1) / 2 - 7};
  }
  function sx(d) { return view.x + view.k * (fit.x + fit.k * d.x); }
  function sy(d) { return view.y + view.k * (fit.y - fit.k * d.y); }

  function edgePath(edge) {
    const a = nodes[edge.s], b = nodes[edge.t];
    const x1 = sx(a), y1 = sy(a), x2 = sx(b), y2 = sy(b);
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    // Both directions drawn: bend each to its own side so they do not hide each other.
    const bend = hasReverse.has(edge.t + ">" + edge.s) ? Math.min(40, len * 0.18) : 0;
    const mx = (x1 + x2) / 2 - dy / len * bend, my = (y1 + y2) / 2 + dx / len * bend;
    // End at the target's rim (the arrowhead touches the circle), start at the source's.
    const ex = x2 - (x2 - mx) / (Math.hypot(x2 - mx, y2 - my) || 1) * (b.r + 1.5);
    const ey = y2 - (y2 - my) / (Math.hypot(x2 - mx, y2 - my) || 1) * (b.r + 1.5);
    const bx = x1 + (mx - x1) / (Math.hypot(mx - x1, my - y1) || 1) * a.r;
    const by = y1 + (my - y1) / (Math.hypot(mx - x1, my - y1) || 1) * a.r;
    return `M${bx.toFixed(1)},${by.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
  }
  function edgeColour(edge) {
    let coop = 0, conflict = 0;
    edge.shown.forEach(j => { const q = events[j].quad; if (q === 1 || q === 2) coop++; else if (q >= 3) conflict++; });
    if (!coop && !conflict) return "#888888";
    return mix("#3d8b48", "#c8382f", conflict / (coop + conflict));
  }

  function render() {
    const maxW = Math.max(1, ...visible.edges.map(i => edges[i].shown.length));
    const kept = new Set(visible.edges);
    edges.forEach((edge, i) => {
      const {line, hit} = edgeEls[i];
      if (!kept.has(i)) { line.setAttribute("visibility", "hidden"); hit.setAttribute("visibility", "hidden"); return; }
      const d = edgePath(edge), w = edge.shown.length;
      line.setAttribute("d", d); hit.setAttribute("d", d);
      line.setAttribute("visibility", "visible"); hit.setAttribute("visibility", "visible");
      line.setAttribute("stroke", edgeColour(edge));
      line.setAttribute("stroke-width", (0.8 + 5 * Math.log1p(w) / Math.log1p(maxW)).toFixed(2));
      line.setAttribute("stroke-opacity", visible.edges.length > 400 ? "0.35" : "0.6");
    });
    nodes.forEach((d, i) => {
      const c = nodeEls[i].circle;
      c.setAttribute("cx", sx(d).toFixed(1)); c.setAttribute("cy", sy(d).toFixed(1));
      c.classList.toggle("kg-faded", visible.degree[i] === 0);
    });
    placeLabels();
    highlight();
    empty.setAttribute("x", (stage.clientWidth || 800) / 2);
    empty.setAttribute("y", (stage.clientHeight || 600) / 2);
    empty.setAttribute("visibility", visible.edges.length ? "hidden" : "visible");
    svg.setAttribute("data-visible-edges", visible.edges.length);
    svg.setAttribute("data-visible-events", visible.events);
  }

  // Labels of the biggest visible nodes first; one that would overlap a placed label is hidden.
  function placeLabels() {
    const order = nodes.map((d, i) => i).filter(i => visible.degree[i] > 0)
      .sort((a, b) => nodes[b].r - nodes[a].r || (nodes[a].id < nodes[b].id ? -1 : 1));
    const placed = [], w = stage.clientWidth || 800, h = stage.clientHeight || 600;
    nodes.forEach((d, i) => nodeEls[i].label.setAttribute("visibility", "hidden"));
    for (const i of order) {
      if (placed.length >= data.max_labels) break;
      const d = nodes[i], item = nodeEls[i];
      const x = sx(d), y = sy(d) + d.r + 13;
      if (x < -50 || x > w + 50 || y < -20 || y > h + 20) continue;
      item.label.setAttribute("x", x.toFixed(1)); item.label.setAttribute("y", y.toFixed(1));
      if (item.width === null) item.width = item.label.getComputedTextLength() || d.label.length * 7;
      const box = {x0: x - item.width / 2 - 2, x1: x + item.width / 2 + 2, y0: y - 12, y1: y + 4};
      if (placed.some(o => box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1)) continue;
      placed.push(box);
      item.label.setAttribute("visibility", "visible");
    }
  }

  // -- hover and pinned boxes ---------------------------------------------------------------
  function nodeIndex(id) { return nodes.findIndex(d => d.id === id); }
  function edgeIndex(id) {
    const [s, t] = id.split(">").map(nodeIndex);
    return edges.findIndex(e => e.s === s && e.t === t);
  }
  function highlight() {
    const f = state.focus;
    let keepNodes = null, keepEdges = null;
    if (f && f.kind === "node" && nodeIndex(f.id) >= 0) {
      const i = nodeIndex(f.id);
      keepNodes = new Set([i, ...visible.partners[i]]);
      keepEdges = new Set(visible.edges.filter(j => edges[j].s === i || edges[j].t === i));
    } else if (f && f.kind === "edge" && edgeIndex(f.id) >= 0) {
      const j = edgeIndex(f.id);
      keepNodes = new Set([edges[j].s, edges[j].t]);
      keepEdges = new Set([j]);
    }
    nodes.forEach((d, i) => nodeEls[i].circle.classList.toggle("kg-dim", !!keepNodes && !keepNodes.has(i)));
    edges.forEach((e, j) => edgeEls[j].line.classList.toggle("kg-dim", !!keepEdges && !keepEdges.has(j)));
  }
  function row(name, value) {
    return `<tr><td class="kg-meta">${esc(name)}</td><td dir="auto">${esc(value)}</td></tr>`;
  }
  function nodeBox(i) {
    const d = nodes[i];
    const other = persian ? d.en : d.fa;
    return `<h3 dir="auto">${esc(d.label)}</h3>` +
      (other && other !== d.label ? `<div dir="auto">${esc(other)}</div>` : "") +
      "<table>" + row(T.party, d.party) + row(T.type, T[d.type] || d.type) +
      row(T.events, digits(visible.degree[i])) + row(T.partners, digits(visible.partners[i].size)) +
      row(T.degree, digits(d.degree)) + row(T.pagerank, decimal(d.pagerank, 3)) +
      row(T.community, digits(d.community)) + "</table>";
  }
  function eventItem(e) {
    const cat = data.categories.find(c => c.name === e.category);
    const when = e.date ? digits(e.date) : T.undated_event;
    const title = e.headline || e.article || e.iri;
    const link = e.url ? `<a class="kg-headline" href="${esc(e.url)}" target="_blank" rel="noopener noreferrer" dir="auto">${esc(title)}</a>`
                       : `<span class="kg-headline" dir="auto">${esc(title)}</span>`;
    const evidence = e.evidence ? `<span class="kg-evidence" dir="auto">«${esc(e.evidence.length > 260 ? e.evidence.slice(0, 257) + "…" : e.evidence)}»</span>` : "";
    return `<li><b style="color:${cat ? cat.colour : "#444"}">${esc(cat ? cat.label : e.category)}</b>${persian ? "، " : " · "}` +
           `<span class="kg-meta">${when}</span><br>${link}${evidence}</li>`;
  }
  function edgeBox(j) {
    const edge = edges[j], list = edge.shown.slice().sort((a, b) => (events[a].date || "9") < (events[b].date || "9") ? -1 : 1);
    const arrow = persian ? " ← " : " → ";
    const head = `<h3 dir="auto">${esc(nodes[edge.s].label)}${arrow}${esc(nodes[edge.t].label)}</h3>` +
      `<div class="kg-meta">${digits(list.length)} ${esc(T.events)}</div>`;
    const shown = list.slice(0, 8).map(k => eventItem(events[k])).join("");
    const more = list.length > 8 ? `<div class="kg-meta">${esc(fill(T.more, {n: list.length - 8}))}</div>` : "";
    return head + `<ol>${shown}</ol>` + more;
  }
  function showTip(html, x, y) {
    tip.innerHTML = html;
    tip.hidden = false;
    tip.classList.toggle("kg-pinned", state.pinned);
    const w = stage.clientWidth, h = stage.clientHeight;
    const bw = tip.offsetWidth, bh = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 14, w - bw - 4)) + "px";
    tip.style.top = Math.max(4, Math.min(y + 14, h - bh - 4)) + "px";
  }
  function hideTip() { tip.hidden = true; tip.innerHTML = ""; }
  function focusAt(kind, index, x, y) {
    state.focus = {kind: kind, id: kind === "node" ? nodes[index].id : nodes[edges[index].s].id + ">" + nodes[edges[index].t].id};
    if (kind === "node") showTip(nodeBox(index), x, y); else showTip(edgeBox(index), x, y);
    highlight();
  }
  function clearFocus() { state.focus = null; state.pinned = false; hideTip(); highlight(); writeHash(); }
  function target(event) {
    const t = event.target;
    if (t.dataset && t.dataset.node !== undefined) return ["node", +t.dataset.node];
    if (t.dataset && t.dataset.edge !== undefined) return ["edge", +t.dataset.edge];
    return null;
  }
  function local(event) {
    const box = stage.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }
  svg.addEventListener("mousemove", event => {
    if (state.pinned || drag) return;
    const found = target(event);
    if (!found) { if (state.focus) { state.focus = null; hideTip(); highlight(); } return; }
    const [x, y] = local(event);
    focusAt(found[0], found[1], x, y);
  });
  svg.addEventListener("mouseleave", () => { if (!state.pinned) { state.focus = null; hideTip(); highlight(); } });
  svg.addEventListener("click", event => {
    if (moved) return;
    const found = target(event);
    if (!found) { clearFocus(); return; }
    state.pinned = true;
    const [x, y] = local(event);
    focusAt(found[0], found[1], x, y);
    writeHash();
  });

  // -- pan and zoom -------------------------------------------------------------------------
  let drag = null, moved = false;
  svg.addEventListener("mousedown", event => {
    if (event.button !== 0) return;
    drag = {x: event.clientX, y: event.clientY, vx: view.x, vy: view.y};
    moved = false;
  });
  window.addEventListener("mousemove", event => {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; svg.classList.add("kg-dragging"); }
    if (moved) { view.x = drag.vx + dx; view.y = drag.vy + dy; render(); }
  });
  window.addEventListener("mouseup", () => { drag = null; svg.classList.remove("kg-dragging"); });
  function zoomAt(factor, x, y) {
    const k = Math.max(0.2, Math.min(40, view.k * factor));
    view.x = x - (x - view.x) * (k / view.k);
    view.y = y - (y - view.y) * (k / view.k);
    view.k = k;
    render();
  }
  svg.addEventListener("wheel", event => {
    event.preventDefault();
    const [x, y] = local(event);
    zoomAt(Math.exp(-event.deltaY * 0.0015), x, y);
  }, {passive: false});
  document.getElementById("kg-zoom").addEventListener("click", event => {
    const what = event.target.dataset.zoom;
    const w = stage.clientWidth / 2, h = stage.clientHeight / 2;
    if (what === "in") zoomAt(1.4, w, h);
    else if (what === "out") zoomAt(1 / 1.4, w, h);
    else if (what === "reset") { view.k = 1; view.x = 0; view.y = 0; render(); }
  });
  document.querySelector('#kg-zoom [data-zoom="in"]').title = T.zoom_in;
  document.querySelector('#kg-zoom [data-zoom="out"]').title = T.zoom_out;
  document.querySelector('#kg-zoom [data-zoom="reset"]').title = T.reset;
  window.addEventListener("resize", () => { fitView(); render(); });

  // -- the panel: title, counts, filters, legend --------------------------------------------
  function buildPanel() {
    const counts = {};
    events.forEach(e => { counts[e.category] = (counts[e.category] || 0) + 1; });
    const cats = data.categories.map(c =>
      `<label><input type="checkbox" data-cat="${esc(c.name)}"${state.cats.has(c.name) ? " checked" : ""}>` +
      `<span class="kg-swatch" style="background:${c.colour}"></span><span dir="auto">${esc(c.label)}</span>` +
      `<span class="kg-count">${digits(counts[c.name] || 0)}</span></label>`).join("");
    const legend = data.legend.map(g =>
      `<div class="kg-row"><span class="kg-swatch" style="background:${g.colour}"></span><span dir="auto">${esc(g.name)}</span></div>`).join("");
    panel.innerHTML =
      `<h1 dir="auto">${esc(data.title)}</h1><p class="kg-sub" dir="auto">${esc(data.subtitle)}</p>` +
      `<p class="kg-sub" id="kg-shown"></p>` +
      `<h2>${esc(T.categories)}</h2><div class="kg-row"><button type="button" data-cats="all">${esc(T.all)}</button>` +
      `<button type="button" data-cats="none">${esc(T.none)}</button></div>${cats}` +
      `<h2>${esc(T.period)}</h2><div class="kg-row">${esc(T.by)} <select id="kg-freq">` +
      `<option value="month">${esc(T.month)}</option><option value="year">${esc(T.year)}</option></select></div>` +
      `<div class="kg-row">${esc(T.from)} <select id="kg-from"></select> ${esc(T.to)} <select id="kg-to"></select></div>` +
      `<label><input type="checkbox" id="kg-undated"${state.undated ? " checked" : ""}>${esc(T.undated)}</label>` +
      `<h2>${esc(T.groups)}</h2>${legend}` +
      `<p class="kg-note" dir="auto">${esc(data.size_label ? (persian ? "اندازه: " : "size: ") + data.size_label : "")}</p>` +
      `<p class="kg-note" dir="auto">${esc(T.edges_note)}</p><p class="kg-note" dir="auto">${esc(T.help)}</p>`;
    panel.querySelectorAll("[data-cat]").forEach(box => box.addEventListener("change", () => {
      if (box.checked) state.cats.add(box.dataset.cat); else state.cats.delete(box.dataset.cat);
      update();
    }));
    panel.querySelectorAll("[data-cats]").forEach(button => button.addEventListener("click", () => {
      state.cats = new Set(button.dataset.cats === "all" ? allCats : []);
      panel.querySelectorAll("[data-cat]").forEach(box => { box.checked = state.cats.has(box.dataset.cat); });
      update();
    }));
    document.getElementById("kg-freq").value = state.freq;
    document.getElementById("kg-freq").addEventListener("change", event => {
      state.freq = event.target.value; state.from = state.to = null; fillPeriods(); update();
    });
    ["from", "to"].forEach(end => document.getElementById("kg-" + end).addEventListener("change", event => {
      state[end] = event.target.value || null; update();
    }));
    document.getElementById("kg-undated").addEventListener("change", event => { state.undated = event.target.checked; update(); });
    fillPeriods();
  }
  function fillPeriods() {
    const periods = data.periods[state.freq] || [];
    ["from", "to"].forEach(end => {
      const select = document.getElementById("kg-" + end);
      select.innerHTML = `<option value="">—</option>` +
        periods.map(p => `<option value="${p}"${state[end] === p ? " selected" : ""}>${digits(p)}</option>`).join("");
    });
  }
  function update() {
    applyFilters();
    render();
    document.getElementById("kg-shown").textContent =
      fill(T.shown, {nodes: visible.degree.filter(v => v > 0).length, edges: visible.edges.length, events: visible.events});
    if (state.focus && state.pinned) reopenFocus(); else if (!state.pinned) hideTip();
    writeHash();
  }
  function reopenFocus() {
    const f = state.focus;
    const i = f.kind === "node" ? nodeIndex(f.id) : edgeIndex(f.id);
    if (i < 0) { state.focus = null; state.pinned = false; hideTip(); return; }
    const d = f.kind === "node" ? nodes[i] : nodes[edges[i].t];
    focusAt(f.kind, i, sx(d), sy(d));
  }

  // -- start --------------------------------------------------------------------------------
  readHash();
  if (state.focus) state.pinned = true;
  buildPanel();
  fitView();
  update();
  window.addEventListener("hashchange", () => {
    state.cats = new Set(allCats); state.freq = "month"; state.undated = true; state.focus = null;
    readHash(); state.pinned = !!state.focus; buildPanel(); update();
  });
  document.body.setAttribute("data-kg-ready", "1");
})();
