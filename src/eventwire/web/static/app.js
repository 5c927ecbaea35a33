/* eventwire map page.
 *
 * Offline by default: the base map is Natural Earth country boundaries (world-atlas
 * TopoJSON) served from this origin; internet tiles only when the server is started with
 * --tiles. Article text and every other value from the API is untrusted: it only ever
 * reaches the page through textContent / createTextNode / DOM nodes, never as HTML.
 * The URL hash keeps the filters and the selected event, so a link can be shared.
 * Live: /api/stream (Server-Sent Events) pushes every new or changed event; the page applies
 * it where it stands (filters, selection and view kept), highlights it for FRESH_MS, and
 * reconnects by itself (EventSource sends Last-Event-ID; the server catches the page up).
 */
(function () {
  "use strict";

  const FILTERS = ["since", "until", "type", "country", "actor", "q"];
  const TYPE_COLOURS = {
    Battles: "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    Protests: "#2980b9",
    Riots: "#16a085",
    "Strategic developments": "#6b7b8c",
  };
  const OTHER_COLOUR = "#34495e";
  // Evidence fields grouped into highlight colours (classes in app.css).
  const FIELD_CLASS = {
    event_type: "f-type", sub_event_type: "f-type", plover: "f-type", civilian_targeting: "f-type",
    event_date: "f-date",
    location: "f-place", admin1: "f-place", country: "f-place",
    actor1: "f-actor", actor2: "f-actor",
    fatalities: "f-toll", injuries: "f-toll",
    claimed_by: "f-claim", verified: "f-claim",
  };
  const FIELD_KEY = [
    ["f-type", "type"], ["f-date", "date"], ["f-place", "place"],
    ["f-actor", "actors"], ["f-toll", "toll"], ["f-claim", "claim"],
  ];
  const PAGE_LIMIT = 10000;
  const DAY = 86400000;
  const FRESH_MS = 120000; // how long a new or updated event stays highlighted
  const RETRY_MS = 3000; // reconnecting by hand, when the browser gave up (an HTTP error)

  const state = { filters: {}, event: null };
  let map, clusters, selectedLayer, legend;
  let features = [];
  let total = 0;
  let noCoords = 0;
  let markersById = new Map();
  let globalFacets = null;
  let loadSerial = 0;
  let detailSerial = 0;
  // live updates
  let featuresById = new Map();
  let cursor = null; // the store's change cursor the page holds everything up to
  let source = null; // the EventSource
  let loading = false;
  let pending = []; // pushed messages that arrived while a load was under way
  const fresh = new Map(); // event id -> {kind: "new" | "updated", until: ms}
  const live = { state: "connecting", applied: 0, received: 0, lastApplyMs: null, lastPaintMs: null };
  const unseen = []; // ids of events that appeared since the reader last looked (newest last)
  const TITLE = document.title;

  // ---------- small DOM helpers (text only, never HTML) ----------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "dataset") Object.assign(node.dataset, v);
        else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : String(v));
      }
    }
    for (const c of children) append(node, c);
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach((c) => append(node, c));
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  const $ = (id) => document.getElementById(id);

  function colour(type) {
    return TYPE_COLOURS[type] || OTHER_COLOUR;
  }
  function radius(fatalities) {
    const f = Number(fatalities) || 0;
    return Math.min(30, 7 + 3 * Math.sqrt(f));
  }
  function toll(p) {
    const parts = [];
    if (p.fatalities !== null && p.fatalities !== undefined) parts.push(`${p.fatalities} killed`);
    if (p.injuries !== null && p.injuries !== undefined) parts.push(`${p.injuries} injured`);
    return parts.join(", ");
  }
  function place(p) {
    return [p.location, p.admin1, p.country].filter((x) => x).join(", ") || "unknown place";
  }
  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = !message;
  }

  // ---------- URL state ----------
  function readHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    const filters = {};
    for (const k of FILTERS) {
      const v = params.get(k);
      if (v) filters[k] = v;
    }
    state.filters = filters;
    state.event = params.get("event") || null;
  }
  function filterParams(filters) {
    const params = new URLSearchParams();
    for (const k of FILTERS) if (filters[k]) params.set(k, filters[k]);
    return params;
  }
  function writeHash() {
    const params = filterParams(state.filters);
    if (state.event) params.set("event", state.event);
    const hash = params.toString();
    const url = location.pathname + location.search + (hash ? "#" + hash : "");
    if (url !== location.pathname + location.search + location.hash) history.replaceState(null, "", url);
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }

  // ---------- map ----------
  function initMap(config) {
    map = L.map("map", { minZoom: 2, maxZoom: 12, worldCopyJump: true, zoomSnap: 0.5 });
    map.attributionControl.setPrefix("Leaflet");
    map.setView([30, 20], 2);
    const renderer = L.canvas({ padding: 0.5 });
    if (config && typeof config.tiles === "string" && config.tiles) {
      let host = config.tiles;
      try {
        host = new URL(config.tiles.replace(/[{}]/g, "")).host;
      } catch (e) {
        /* keep the raw string */
      }
      L.tileLayer(config.tiles, { attribution: "Tiles: " + escapeText(host), maxZoom: 19 }).addTo(map);
    }
    getJSON("/static/vendor/world-atlas/countries-50m.json")
      .then((topo) => {
        const countries = topojson.feature(topo, topo.objects.countries);
        const base = L.geoJSON(countries, {
          renderer,
          interactive: false,
          style: {
            color: "#8a8f94", weight: 0.7, fillColor: "#f2efe6",
            fillOpacity: config && config.tiles ? 0 : 1,
          },
        });
        base.addTo(map);
        base.bringToBack();
        map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
      })
      .catch((e) => showError("Base map failed to load: " + e.message));

    clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 60,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(clusters);
    selectedLayer = L.layerGroup().addTo(map);
    addLegend();
  }

  // Leaflet's attribution control takes HTML: only our own text goes there, escaped.
  function escapeText(s) {
    const d = document.createElement("div");
    d.textContent = s;
    return d.innerHTML;
  }

  // A cluster: its count, ringed in the colour of its most frequent event type.
  function clusterIcon(cluster) {
    const n = cluster.getChildCount();
    const size = Math.round(24 + 7 * Math.log10(n));
    const types = new Map();
    let freshChildren = 0;
    for (const m of cluster.getAllChildMarkers()) {
      const t = m.feature ? m.feature.properties.event_type : null;
      types.set(t, (types.get(t) || 0) + 1);
      if (m.feature && freshness(m.feature.properties.event_id)) freshChildren++;
    }
    let top = null;
    let best = 0;
    for (const [t, c] of types) if (c > best) (top = t), (best = c);
    const node = el("div", {
      class: freshChildren ? "ew-cluster fresh" : "ew-cluster",
      dataset: { count: String(n), type: top || "" , fresh: String(freshChildren) },
      title: `${n} events — mostly ${top || "other"}` + (freshChildren ? ` — ${freshChildren} new or updated` : ""),
    }, String(n));
    node.style.width = node.style.height = size + "px";
    node.style.borderColor = colour(top);
    return L.divIcon({ html: node, className: "ew-cluster-icon", iconSize: [size, size] });
  }

  function markerIcon(p, selected) {
    const r = radius(p.fatalities);
    const d = Math.round(2 * r);
    const cls = ["ew-marker"];
    if (p.verified === false) cls.push("unverified");
    if (selected) cls.push("selected");
    const f = freshness(p.event_id);
    if (f) cls.push("fresh", "fresh-" + f);
    const node = el("div", {
      class: cls.join(" "),
      dataset: { eventId: p.event_id, type: p.event_type || "" },
      role: "button",
      "aria-label": `${p.event_date} ${p.sub_event_type || p.event_type || ""} ${place(p)}`,
    });
    node.style.width = node.style.height = d + "px";
    node.style.background = colour(p.event_type);
    return L.divIcon({ html: node, className: "ew-marker-icon", iconSize: [d, d] });
  }

  function tooltipNode(p) {
    return el(
      "div", null,
      el("strong", null, p.event_date || "?"), " ", p.sub_event_type || p.event_type || "", el("br"),
      place(p),
      toll(p) ? [el("br"), toll(p)] : null,
      p.verified === false ? [el("br"), el("span", { class: "tag unverified" }, "UNVERIFIED")] : null,
    );
  }

  function addLegend() {
    legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () {
      const box = el("div", { class: "legend" }, el("h4", null, "Event type"));
      for (const [type, c] of Object.entries(TYPE_COLOURS)) {
        const sw = el("span", { class: "swatch" });
        sw.style.background = c;
        box.appendChild(el("div", { class: "row" }, sw, type));
      }
      const other = el("span", { class: "swatch" });
      other.style.background = OTHER_COLOUR;
      box.appendChild(el("div", { class: "row" }, other, "other"));
      box.appendChild(el("div", { class: "row" }, el("span", { class: "ring" }), "unverified claim"));
      box.appendChild(el("div", { class: "row" }, "size: fatalities (√)"));
      box.appendChild(el("div", { class: "row" }, "cluster ring: its commonest type"));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(map);
  }

  function renderMarkers(fit) {
    clusters.clearLayers();
    selectedLayer.clearLayers();
    markersById = new Map();
    featuresById = new Map(features.map((f) => [f.properties.event_id, f]));
    const layers = [];
    for (const f of features) {
      const m = makeMarker(f);
      if (!m) continue;
      markersById.set(f.properties.event_id, m);
      layers.push(m);
    }
    clusters.addLayers(layers.filter((m) => m.feature.properties.event_id !== state.event));
    restyleSelection();
    if (fit && layers.length) {
      const bounds = L.latLngBounds(layers.map((m) => m.getLatLng()));
      map.fitBounds(bounds.pad(0.15), { maxZoom: 7, animate: false });
    }
    return layers.length;
  }

  function pointOf(f) {
    if (!f.geometry || f.geometry.type !== "Point") return null;
    const [lon, lat] = f.geometry.coordinates;
    return typeof lat === "number" && typeof lon === "number" ? [lat, lon] : null;
  }

  function makeMarker(f) {
    const at = pointOf(f);
    if (!at) return null;
    const p = f.properties;
    const m = L.marker(at, { icon: markerIcon(p, p.event_id === state.event), keyboard: true, riseOnHover: true });
    m.bindTooltip(tooltipNode(p), { direction: "top", className: "ew-tip", offset: [0, -radius(p.fatalities)] });
    m.on("click", () => selectEvent(p.event_id));
    m.feature = f;
    return m;
  }

  // The selected event's marker stays out of the clusters, so it is always on the map.
  function restyleSelection() {
    for (const m of selectedLayer.getLayers()) {
      if (m.feature.properties.event_id === state.event) continue;
      selectedLayer.removeLayer(m);
      m.setIcon(markerIcon(m.feature.properties, false));
      m.setZIndexOffset(0);
      clusters.addLayer(m);
    }
    const m = state.event && markersById.get(state.event);
    if (m && !selectedLayer.hasLayer(m)) {
      clusters.removeLayer(m);
      m.setIcon(markerIcon(m.feature.properties, true));
      m.setZIndexOffset(1000);
      selectedLayer.addLayer(m);
    }
  }

  // Number of events the map shows: single markers plus the counts of the clusters on screen.
  function renderedCount() {
    let n = document.querySelectorAll("#map .ew-marker").length;
    document.querySelectorAll("#map .ew-cluster").forEach((c) => {
      n += Number(c.dataset.count) || 0;
    });
    return n;
  }

  // ---------- filters ----------
  function fillSelect(select, pairs, current) {
    const keep = select.options[0];
    clear(select);
    select.appendChild(keep);
    const names = pairs.map((p) => p[0]);
    if (current && !names.includes(current)) pairs = pairs.concat([[current, null]]);
    for (const [name, count] of pairs) {
      select.appendChild(el("option", { value: name }, count === null ? name : `${name} (${count})`));
    }
  }

  function fillFilterForm() {
    const f = state.filters;
    $("f-since").value = f.since || "";
    $("f-until").value = f.until || "";
    $("f-actor").value = f.actor || "";
    $("f-q").value = f.q || "";
    if (globalFacets) {
      fillSelect($("f-type"), globalFacets.event_types || [], f.type);
      fillSelect($("f-country"), globalFacets.countries || [], f.country);
      const list = $("actor-list");
      clear(list);
      for (const [name] of globalFacets.actors || []) list.appendChild(el("option", { value: name }));
      const d = globalFacets.dates || {};
      for (const id of ["f-since", "f-until"]) {
        if (d.min) $(id).min = d.min;
        if (d.max) $(id).max = d.max;
      }
    }
    $("f-type").value = f.type || "";
    $("f-country").value = f.country || "";
    $("clear-dates").hidden = !(f.since || f.until);
  }

  function readFilterForm() {
    const filters = {};
    const values = {
      since: $("f-since").value, until: $("f-until").value, type: $("f-type").value,
      country: $("f-country").value, actor: $("f-actor").value.trim(), q: $("f-q").value.trim(),
    };
    for (const k of FILTERS) if (values[k]) filters[k] = values[k];
    return filters;
  }

  function setFilters(filters) {
    state.filters = filters;
    writeHash();
    fillFilterForm();
    return load(true);
  }

  function bindFilters() {
    let timer = null;
    const apply = () => {
      clearTimeout(timer);
      timer = null;
      setFilters(readFilterForm());
    };
    for (const id of ["f-since", "f-until", "f-type", "f-country"]) $(id).addEventListener("change", apply);
    for (const id of ["f-actor", "f-q"]) {
      $(id).addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(apply, 350);
      });
      $(id).addEventListener("change", apply);
    }
    $("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      apply();
    });
    $("unseen").addEventListener("click", showNewest);
    $("reset").addEventListener("click", () => {
      state.event = null;
      setFilters({});
    });
    $("clear-dates").addEventListener("click", () => {
      const f = Object.assign({}, state.filters);
      delete f.since;
      delete f.until;
      setFilters(f);
    });
    $("share").addEventListener("click", () => {
      const url = location.href;
      const done = () => {
        $("share").textContent = "Link copied";
        setTimeout(() => ($("share").textContent = "Copy link"), 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, () => window.prompt("Link to this view:", url));
      } else {
        window.prompt("Link to this view:", url);
      }
    });
    document.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && state.event && !ev.target.closest("input, select")) closeDetail();
    });
    window.addEventListener("hashchange", () => {
      const before = JSON.stringify(state.filters);
      const beforeEvent = state.event;
      readHash();
      fillFilterForm();
      if (JSON.stringify(state.filters) !== before) load(true);
      else if (state.event !== beforeEvent) showSelected();
    });
  }

  function updateExportLinks() {
    for (const format of ["acled", "geojson"]) {
      const params = filterParams(state.filters);
      params.set("format", format);
      $("export-" + format).href = "/api/export?" + params.toString();
    }
  }

  // ---------- loading ----------
  async function load(fit) {
    const serial = ++loadSerial;
    loading = true;
    document.body.dataset.state = "loading";
    updateExportLinks();
    const params = filterParams(state.filters);
    params.set("limit", String(PAGE_LIMIT));
    params.set("format", "geojson");
    const timelineParams = filterParams(Object.assign({}, state.filters, { since: "", until: "" }));
    try {
      const [collection, timelineFacets] = await Promise.all([
        getJSON("/api/events?" + params.toString()),
        getJSON("/api/facets?" + timelineParams.toString()),
      ]);
      if (serial !== loadSerial) return;
      features = collection.features || [];
      total = Number(collection.total) || 0;
      if (typeof collection.cursor === "number" && (cursor === null || collection.cursor > cursor)) cursor = collection.cursor;
      const onMap = renderMarkers(fit);
      noCoords = features.length - onMap;
      renderCount(features.length);
      renderList();
      renderTimeline(timelineFacets.per_day || []);
      showError("");
      loading = false;
      const held = pending;
      pending = [];
      for (const data of held) applyChanges(data); // pushed while this page was read
      await showSelected();
    } catch (e) {
      if (serial !== loadSerial) return;
      loading = false;
      showError("Could not load events: " + e.message);
    }
    if (serial === loadSerial) {
      loading = false;
      document.body.dataset.state = "ready";
      if (!source) connectLive();
    }
  }

  // ---------- live updates (Server-Sent Events) ----------
  function freshness(id) {
    const f = fresh.get(id);
    if (!f) return null;
    if (f.until > Date.now()) return f.kind;
    fresh.delete(id);
    return null;
  }

  function setLive(name, text) {
    live.state = name;
    const box = $("live");
    box.dataset.state = name;
    $("live-text").textContent = text;
    box.title = {
      live: "Connected: new and updated events appear as they are stored",
      connecting: "Connecting to the server for live updates…",
      reconnecting: "Connection lost: reconnecting (events stored meanwhile will be caught up)",
      offline: "No connection to the server: retrying",
    }[name] || "";
  }

  function connectLive() {
    if (typeof EventSource === "undefined") return setLive("offline", "no live updates");
    if (source) source.close();
    setLive(live.state === "live" ? "reconnecting" : "connecting", live.state === "live" ? "reconnecting…" : "connecting…");
    const es = new EventSource("/api/stream" + (cursor !== null ? "?after=" + cursor : ""));
    source = es;
    es.addEventListener("hello", (ev) => {
      const data = JSON.parse(ev.data);
      if (typeof data.cursor === "number") cursor = Math.max(cursor || 0, data.cursor);
      setLive("live", "live");
    });
    es.addEventListener("events", (ev) => {
      const t0 = performance.now();
      live.received++;
      const data = JSON.parse(ev.data);
      if (loading) pending.push(data);
      else applyChanges(data);
      setLive("live", "live");
      // from the message to the next frame drawn with it (layout and paint included)
      requestAnimationFrame(() => setTimeout(() => (live.lastPaintMs = performance.now() - t0), 0));
    });
    es.addEventListener("reload", (ev) => {
      const data = JSON.parse(ev.data);
      cursor = typeof data.cursor === "number" ? data.cursor : cursor;
      refreshFacets().then(() => load(false));
    });
    es.addEventListener("error", () => {
      if (es !== source) return;
      if (es.readyState === EventSource.CLOSED) {
        // the browser gives up on an HTTP error: try again ourselves, from our cursor
        setLive("offline", "offline — retrying");
        source = null;
        setTimeout(() => { if (!source) connectLive(); }, RETRY_MS);
      } else {
        setLive("reconnecting", "reconnecting…");
      }
    });
  }

  async function refreshFacets() {
    try {
      globalFacets = await getJSON("/api/facets");
    } catch (e) {
      /* keep the old ones */
    }
  }

  // Does an event's summary pass the page's filters? As the store's EventQuery reads them.
  function matches(p, filters, withDates) {
    const has = (value, part) => typeof value === "string" && value.toLowerCase().includes(part);
    if (withDates && filters.since && !(p.event_date && p.event_date >= filters.since)) return false;
    if (withDates && filters.until && !(p.event_date && p.event_date <= filters.until)) return false;
    if (filters.type) {
      const t = filters.type.toLowerCase();
      if (![p.event_type, p.sub_event_type, p.plover].some((v) => typeof v === "string" && v.toLowerCase() === t)) return false;
    }
    if (filters.country && !(typeof p.country === "string" && p.country.toLowerCase() === filters.country.toLowerCase())) return false;
    if (filters.actor && !has(p.actor1, filters.actor.toLowerCase()) && !has(p.actor2, filters.actor.toLowerCase())) return false;
    if (filters.q && !has(p.notes, filters.q.toLowerCase()) && !has(p.location, filters.q.toLowerCase())) return false;
    return true;
  }

  function addOption(select, name) {
    if (!name || Array.from(select.options).some((o) => o.value === name)) return;
    select.appendChild(el("option", { value: name }, name));
  }

  // Apply one pushed message: each changed event added, moved or restyled where it stands.
  function applyChanges(data) {
    const t0 = performance.now();
    const wasEmpty = markersById.size === 0;
    if (typeof data.cursor === "number") cursor = Math.max(cursor || 0, data.cursor);
    const newIds = new Set(data.new || []);
    const perDay = new Map(timeline.perDay);
    let timelineChanged = false;
    let selectedChanged = false;
    const now = Date.now();
    const removed = [];
    const added = [];
    for (const f of data.features || []) {
      const p = f.properties;
      const id = p.event_id;
      const old = featuresById.get(id);
      const inView = matches(p, state.filters, true);
      // the timeline counts every event of the other filters, whatever its day
      const before = old ? old.properties : null;
      if (matches(p, state.filters, false) && (newIds.has(id) || (before && before.event_date !== p.event_date))) {
        if (before && before.event_date) perDay.set(before.event_date, Math.max(0, (perDay.get(before.event_date) || 1) - 1));
        if (p.event_date) perDay.set(p.event_date, (perDay.get(p.event_date) || 0) + 1);
        timelineChanged = true;
      }
      if (newIds.has(id) && globalFacets) {
        addOption($("f-type"), p.event_type);
        addOption($("f-country"), p.country);
      }
      fresh.set(id, { kind: old || !newIds.has(id) ? "updated" : "new", until: now + FRESH_MS });
      if (id === state.event) selectedChanged = true;
      const marker = markersById.get(id);
      if (marker) {
        if (selectedLayer.hasLayer(marker)) selectedLayer.removeLayer(marker);
        else removed.push(marker);
        markersById.delete(id);
      }
      if (old) features[features.indexOf(old)] = f;
      if (!inView) {
        if (old) {
          features.splice(features.indexOf(f), 1);
          featuresById.delete(id);
          total = Math.max(0, total - 1);
        }
        continue;
      }
      if (!old) {
        features.push(f);
        total++;
        if (newIds.has(id)) unseen.push(id);
      }
      featuresById.set(id, f);
      const m = makeMarker(f);
      if (m) {
        markersById.set(id, m);
        if (id === state.event) {
          m.setZIndexOffset(1000);
          selectedLayer.addLayer(m);
        } else {
          added.push(m);
        }
      }
    }
    // in bulk: a mass drop brings hundreds at once, and the clusters are rebuilt once
    if (removed.length) clusters.removeLayers(removed);
    if (added.length) clusters.addLayers(added);
    if (wasEmpty && markersById.size) {
      // an empty map had no view worth keeping: show the first events that came in
      const bounds = L.latLngBounds(Array.from(markersById.values(), (m) => m.getLatLng()));
      map.fitBounds(bounds.pad(0.15), { maxZoom: 7, animate: false });
    }
    noCoords = features.filter((f) => !pointOf(f)).length;
    renderCount(features.length);
    renderList();
    renderUnseen();
    if (timelineChanged) renderTimeline(Array.from(perDay.entries()).filter(([, c]) => c > 0).sort(), true);
    if (selectedChanged) showSelected(true);
    scheduleUnfresh();
    live.applied++;
    live.lastApplyMs = performance.now() - t0;
  }

  // "N new" in the bar and the tab's title until the reader looks; a click shows the newest.
  function renderUnseen() {
    const button = $("unseen");
    button.hidden = !unseen.length;
    button.textContent = `${unseen.length} new`;
    button.dataset.count = String(unseen.length);
    document.title = unseen.length ? `(${unseen.length}) ${TITLE}` : TITLE;
  }

  function showNewest() {
    const id = unseen[unseen.length - 1];
    unseen.length = 0;
    renderUnseen();
    const m = id && markersById.get(id);
    if (m && !selectedLayer.hasLayer(m)) clusters.zoomToShowLayer(m, () => m.openTooltip());
    else if (m) map.panTo(m.getLatLng());
    if (!state.event) $("panel").scrollTop = 0; // the list shows what is new first
  }

  // When the highlights run out, the markers and clusters are drawn plain again.
  let unfreshTimer = null;
  function scheduleUnfresh() {
    if (unfreshTimer) return;
    let next = Infinity;
    for (const f of fresh.values()) next = Math.min(next, f.until);
    if (next === Infinity) return;
    unfreshTimer = setTimeout(() => {
      unfreshTimer = null;
      const stale = [];
      for (const [id, f] of fresh) if (f.until <= Date.now()) stale.push(id), fresh.delete(id);
      const changed = stale.map((id) => markersById.get(id)).filter((m) => m);
      for (const m of changed) m.setIcon(markerIcon(m.feature.properties, m.feature.properties.event_id === state.event));
      if (changed.length) clusters.refreshClusters(changed);
      if (stale.length) renderList();
      scheduleUnfresh();
    }, Math.max(100, next - Date.now() + 50));
  }

  function renderCount(shown) {
    const c = $("count");
    c.dataset.total = String(total);
    c.dataset.noCoords = String(noCoords);
    let text = `${total} event${total === 1 ? "" : "s"}`;
    if (noCoords) text += ` (${noCoords} without coordinates, not on the map)`;
    if (shown < total) text += ` — first ${shown} shown`;
    c.textContent = text;
  }

  function renderList() {
    const list = $("event-list");
    clear(list);
    // what just came in first, then by date
    const keyed = features.map((f) => {
      const kind = freshness(f.properties.event_id);
      return [kind ? fresh.get(f.properties.event_id).until : 0, String(f.properties.event_date), f];
    });
    keyed.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
    const sorted = keyed.map((k) => k[2]);
    const items = document.createDocumentFragment();
    for (const f of sorted.slice(0, 500)) {
      const p = f.properties;
      const sw = el("span", { class: "swatch" });
      sw.style.background = colour(p.event_type);
      const kind = freshness(p.event_id);
      const button = el(
        "button",
        { type: "button", class: kind ? "fresh fresh-" + kind : null, dataset: { eventId: p.event_id }, onclick: () => selectEvent(p.event_id, true) },
        sw,
        kind ? el("span", { class: "tag fresh-tag fresh-" + kind }, kind === "new" ? "NEW" : "UPDATED") : null,
        el("span", { class: "li-date" }, p.event_date || "?"),
        el("span", { class: "li-where" },
          (p.sub_event_type || p.event_type || "") + " — " + place(p),
          toll(p) || p.verified === false || !f.geometry
            ? el("span", { class: "li-extra" },
              toll(p) ? el("span", { class: "li-toll" }, toll(p)) : null,
              p.verified === false ? el("span", { class: "tag unverified" }, "UNVERIFIED") : null,
              f.geometry ? null : el("span", { class: "tag" }, "no coordinates"))
            : null),
      );
      items.appendChild(el("li", null, button));
    }
    list.appendChild(items);
    if (sorted.length > 500) {
      list.appendChild(el("li", { class: "hint" }, `… and ${sorted.length - 500} more: narrow the filters to list them.`));
    }
    if (!features.length) list.appendChild(el("li", { class: "hint" }, "No event matches these filters."));
  }

  // ---------- selection and detail panel ----------
  function selectEvent(id, pan) {
    state.event = id;
    writeHash();
    if (pan) {
      const m = markersById.get(id);
      if (m && !map.getBounds().pad(-0.05).contains(m.getLatLng())) map.panTo(m.getLatLng());
    }
    return showSelected();
  }

  function closeDetail() {
    state.event = null;
    writeHash();
    showSelected();
  }

  async function showSelected(keepScroll) {
    restyleSelection();
    const detail = $("detail");
    const listBox = $("panel-list");
    const serial = ++detailSerial;
    if (!state.event) {
      detail.hidden = true;
      clear(detail);
      listBox.hidden = false;
      return;
    }
    let data;
    try {
      data = await getJSON("/api/events/" + encodeURIComponent(state.event));
    } catch (e) {
      if (serial !== detailSerial) return;
      clear(detail);
      detail.appendChild(el("button", { type: "button", class: "close", onclick: closeDetail }, "Close"));
      detail.appendChild(el("p", { class: "mismatch" }, "This event could not be loaded (" + e.message + ")."));
      detail.hidden = false;
      listBox.hidden = true;
      return;
    }
    if (serial !== detailSerial) return;
    const panel = document.getElementById("panel");
    const scrolled = panel.scrollTop;
    renderDetail(detail, data);
    listBox.hidden = true;
    detail.hidden = false;
    panel.scrollTop = keepScroll ? scrolled : 0;
  }

  function renderDetail(box, data) {
    clear(box);
    const e = data.event || {};
    const reports = data.reports || [];
    const articles = data.articles || [];
    box.dataset.eventId = e.event_id || "";
    box.appendChild(el("button", { type: "button", class: "close", onclick: closeDetail, title: "Back to the list" }, "Close"));
    box.appendChild(el("h2", null, (e.sub_event_type || e.event_type || "Event") + " — " + (e.location || "unknown place")));

    if (e.verified === false) {
      box.appendChild(el("div", { class: "unverified-banner", id: "unverified" },
        "UNVERIFIED claim — by " + (e.claimed_by || "an unnamed source") + ". The report says this could not be independently verified."));
    }

    const rows = [
      ["Date", [e.event_date || "?", e.time_precision && e.time_precision > 1 ? ` (precision ${e.time_precision})` : ""]],
      ["Type", [e.event_type || "?", e.sub_event_type ? " / " + e.sub_event_type : "", e.plover ? ` [${e.plover}]` : ""]],
      ["Actors", [e.actor1 || "unknown", e.actor2 ? " → " + e.actor2 : "", e.civilian_targeting ? " (civilians targeted)" : ""]],
      ["Place", [place(e), e.latitude !== null && e.latitude !== undefined ? ` (${Number(e.latitude).toFixed(3)}, ${Number(e.longitude).toFixed(3)}; precision ${e.geo_precision ?? "?"})` : " (no coordinates)"]],
      ["Toll", toll(e) || "none reported"],
      ["Claimed by", e.claimed_by || "not stated"],
      ["Verified", e.verified === false
        ? el("span", { class: "tag unverified" }, "UNVERIFIED")
        : e.verified === true ? el("span", { class: "verified-note" }, "verified") : "not stated"],
      ["Sources", [(e.sources && e.sources.length ? e.sources.join(", ") : "—"),
        ` · ${e.report_count ?? reports.length} report${(e.report_count ?? reports.length) === 1 ? "" : "s"}`]],
      ["Confidence", e.confidence !== null && e.confidence !== undefined ? String(e.confidence) : "—"],
      ["Event id", e.event_id || ""],
    ];
    const dl = el("dl");
    for (const [k, v] of rows) dl.appendChild(el("dt", null, k)), dl.appendChild(el("dd", null, v));
    box.appendChild(dl);
    if (reports.length > 1) box.appendChild(renderSources(e, reports, articles));
    if (e.notes) box.appendChild(el("p", { class: "notes" }, e.notes));

    // Every evidence span: the merged event's, then each report's (deduplicated).
    const seen = new Set();
    const spans = [];
    const addSpan = (ev) => {
      if (!ev || typeof ev.start !== "number" || typeof ev.end !== "number") return;
      const key = [ev.article_id, ev.start, ev.end, ev.field].join("|");
      if (seen.has(key)) return;
      seen.add(key);
      spans.push(Object.assign({ index: spans.length }, ev));
    };
    (e.evidence || []).forEach(addSpan);
    reports.forEach((r) => (r.evidence || []).forEach(addSpan));

    if (spans.length) {
      const table = el("table", { class: "evidence-table" },
        el("thead", null, el("tr", null, el("th", null, "field"), el("th", null, "evidence"), el("th", null, "why"))));
      const tbody = el("tbody");
      for (const s of spans) {
        const link = el("a", { href: "#", dataset: { span: String(s.index) } }, "“" + (s.text || "") + "”");
        link.addEventListener("click", (ev) => {
          ev.preventDefault();
          const mark = box.querySelector(`mark[data-spans~="${s.index}"]`);
          if (mark) {
            mark.scrollIntoView({ block: "center" });
            mark.classList.add("flash");
            setTimeout(() => mark.classList.remove("flash"), 1200);
          }
        });
        tbody.appendChild(el("tr", null, el("td", null, s.field || ""), el("td", null, link), el("td", { class: "reason" }, s.reason || "")));
      }
      table.appendChild(tbody);
      box.appendChild(el("h3", null, "Evidence"));
      box.appendChild(table);
      const key = el("div", { class: "field-key" });
      for (const [cls, label] of FIELD_KEY) key.appendChild(el("mark", { class: "ev " + cls }, label));
      box.appendChild(key);
    }

    for (const a of articles) box.appendChild(renderArticle(a, spans.filter((s) => s.article_id === a.article_id)));
    if (!articles.length) box.appendChild(el("p", { class: "hint" }, "No source article stored for this event."));
  }

  // Each source's figures side by side, with who it says claims them; the event's headline
  // figure (ACLED's rule: the most conservative credible report) first. A figure that differs
  // from the headline is marked.
  function renderSources(e, reports, articles) {
    const byId = new Map(articles.map((a) => [a.article_id, a]));
    const figure = (v) => (v === null || v === undefined ? "—" : String(v));
    const verified = (v) => (v === false ? "UNVERIFIED" : v === true ? "verified" : "—");
    const rows = [
      ["Killed", (r) => figure(r.fatalities), figure(e.fatalities)],
      ["Injured", (r) => figure(r.injuries), figure(e.injuries)],
      ["Claimed by", (r) => r.claimed_by || "not stated", e.claimed_by || "not stated"],
      ["Date", (r) => r.event_date || "?", e.event_date || "?"],
      ["Verified", (r) => verified(r.verified), verified(e.verified)],
    ];
    const head = el("tr", null, el("th", null, ""), el("th", { class: "headline", scope: "col" }, "Event", el("small", null, "headline")));
    for (const [i, r] of reports.entries()) {
      const a = byId.get(r.article_id) || {};
      head.appendChild(el("th", { scope: "col", dataset: { report: String(i) } },
        r.source || a.source || a.title || `report ${i + 1}`,
        el("small", null, [a.published, a.title && (r.source || a.source) ? a.title : null].filter((x) => x).join(" · "))));
    }
    const body = el("tbody");
    for (const [label, cell, headline] of rows) {
      const tr = el("tr", { dataset: { row: label.toLowerCase().replace(/ /g, "-") } },
        el("th", { scope: "row" }, label), el("td", { class: "headline" }, headline));
      for (const r of reports) {
        const value = cell(r);
        tr.appendChild(el("td", { class: value !== headline ? "differs" : null }, value));
      }
      body.appendChild(tr);
    }
    return el("section", { class: "sources-compare", id: "sources" },
      el("h3", null, `${reports.length} reports compared`),
      el("div", { class: "sources-scroll" }, el("table", null, el("thead", null, head), body)));
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function renderArticle(a, spans) {
    const text = typeof a.text === "string" ? a.text : "";
    const href = safeUrl(a.url);
    const meta = el("div", { class: "meta" },
      [a.source, a.published].filter((x) => x).join(" · "),
      href ? [" · ", el("a", { href, target: "_blank", rel: "noopener noreferrer" }, href)] : a.url ? [" · ", String(a.url)] : null);
    const body = el("div", { class: "article-text", dataset: { articleId: a.article_id || "" } });
    const bad = [];
    const good = [];
    for (const s of spans) {
      if (s.start < 0 || s.end > text.length || s.start >= s.end) bad.push(s);
      else {
        if (s.text && text.slice(s.start, s.end) !== s.text) bad.push(s);
        good.push(s);
      }
    }
    // Cut the text at every span boundary; a piece inside one or more spans becomes a <mark>.
    const cuts = new Set([0, text.length]);
    for (const s of good) cuts.add(s.start), cuts.add(s.end);
    const points = Array.from(cuts).sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      const piece = text.slice(from, to);
      const covering = good.filter((s) => s.start <= from && s.end >= to);
      if (!covering.length) {
        body.appendChild(document.createTextNode(piece));
        continue;
      }
      const fields = Array.from(new Set(covering.map((s) => s.field)));
      const cls = FIELD_CLASS[covering[0].field] || "";
      const mark = el("mark", {
        class: "ev " + cls,
        title: covering.map((s) => `${s.field}: ${s.reason || ""}`).join("\n"),
        dataset: { fields: fields.join(" "), spans: covering.map((s) => s.index).join(" "), start: String(from), end: String(to) },
      });
      mark.appendChild(document.createTextNode(piece));
      body.appendChild(mark);
    }
    return el("section", { class: "article", dataset: { articleId: a.article_id || "" } },
      el("h3", null, a.title || "Source article"),
      meta,
      bad.length ? el("p", { class: "mismatch" }, `${bad.length} evidence span(s) do not match this text exactly.`) : null,
      body);
  }

  // ---------- timeline (per-day bars, brush to filter by dates) ----------
  const SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function dayNumber(iso) {
    return Math.round(Date.parse(iso + "T00:00:00Z") / DAY);
  }
  function isoDay(n) {
    return new Date(n * DAY).toISOString().slice(0, 10);
  }

  const timeline = { from: 0, to: 0, left: 28, right: 8, width: 0, perDay: [] };

  function renderTimeline(perDay, sameSize) {
    timeline.perDay = perDay;
    const node = $("timeline");
    clear(node);
    // a live update keeps the last size: reading it would lay the page out again
    const width = (sameSize && timeline.width) || node.clientWidth || 800;
    const height = (sameSize && timeline.height) || node.clientHeight || 90;
    timeline.height = height;
    timeline.width = width;
    const days = perDay.map(([d]) => dayNumber(d)).filter((n) => !Number.isNaN(n));
    const g = globalFacets && globalFacets.dates ? globalFacets.dates : {};
    const candidates = days.slice();
    if (g.min) candidates.push(dayNumber(g.min));
    if (g.max) candidates.push(dayNumber(g.max));
    if (state.filters.since) candidates.push(dayNumber(state.filters.since));
    if (state.filters.until) candidates.push(dayNumber(state.filters.until));
    const valid = candidates.filter((n) => !Number.isNaN(n));
    if (!valid.length) {
      node.appendChild(svg("text", { x: 10, y: 40, class: "axis" }, "no dated events"));
      return;
    }
    timeline.from = Math.min(...valid) - 1;
    timeline.to = Math.max(...valid) + 1;
    const span = timeline.to - timeline.from + 1;
    const plotW = width - timeline.left - timeline.right;
    const bw = plotW / span;
    const top = 6;
    const bottom = height - 16;
    const maxCount = Math.max(1, ...perDay.map(([, c]) => c));
    const since = state.filters.since ? dayNumber(state.filters.since) : -Infinity;
    const until = state.filters.until ? dayNumber(state.filters.until) : Infinity;
    node.appendChild(svg("line", { x1: timeline.left, x2: width - timeline.right, y1: bottom, y2: bottom, class: "baseline" }));
    node.appendChild(svg("text", { x: 2, y: top + 8, class: "axis" }, String(maxCount)));
    for (const [d, c] of perDay) {
      const n = dayNumber(d);
      if (Number.isNaN(n)) continue;
      const h = Math.max(1, ((bottom - top) * c) / maxCount);
      const x = timeline.left + (n - timeline.from) * bw;
      const bar = svg("rect", {
        x: x + (bw > 3 ? 0.5 : 0), y: bottom - h, width: Math.max(1, bw - (bw > 3 ? 1 : 0)), height: h,
        class: n >= since && n <= until ? "bar" : "bar out", "data-day": d, "data-count": c,
      });
      bar.appendChild(svg("title", {}, `${d}: ${c} event${c === 1 ? "" : "s"}`));
      node.appendChild(bar);
    }
    // Axis labels: first and last day, and the first of each month when there is room.
    const labels = [[timeline.from + 1, "start"], [timeline.to - 1, "end"]];
    const monthStep = Math.max(1, Math.ceil(60 / Math.max(bw * 30, 1)));
    let month = 0;
    const room = Math.ceil(70 / Math.max(bw, 0.01));
    for (let n = timeline.from + 1 + room; n < timeline.to - 1 - room; n++) {
      if (isoDay(n).endsWith("-01") && month++ % monthStep === 0) labels.push([n, "middle"]);
    }
    for (const [n, anchor] of labels) {
      const x = timeline.left + (n - timeline.from + 0.5) * bw;
      node.appendChild(svg("text", { x, y: height - 3, class: "axis", "text-anchor": anchor }, isoDay(n)));
    }
    if (state.filters.since || state.filters.until) {
      const a = Math.max(timeline.from, since);
      const b = Math.min(timeline.to, until);
      node.appendChild(svg("rect", {
        x: timeline.left + (a - timeline.from) * bw, y: 1, width: Math.max(2, (b - a + 1) * bw), height: bottom - 1,
        class: "brush", "pointer-events": "none",
      }));
    }
  }

  function bindTimeline() {
    const node = $("timeline");
    let start = null;
    let brush = null;
    const dayAt = (clientX) => {
      const rect = node.getBoundingClientRect();
      const plotW = timeline.width - timeline.left - timeline.right;
      const span = timeline.to - timeline.from + 1;
      const x = Math.min(Math.max(clientX - rect.left - timeline.left, 0), plotW - 0.001);
      return timeline.from + Math.floor((x / plotW) * span);
    };
    node.addEventListener("pointerdown", (ev) => {
      if (!timeline.width) return;
      start = { x: ev.clientX, day: dayAt(ev.clientX) };
      node.setPointerCapture(ev.pointerId);
      brush = svg("rect", { class: "brush", y: 1, height: node.clientHeight - 17, x: 0, width: 0 });
      node.appendChild(brush);
    });
    node.addEventListener("pointermove", (ev) => {
      if (!start || !brush) return;
      const rect = node.getBoundingClientRect();
      const a = Math.min(start.x, ev.clientX) - rect.left;
      const b = Math.max(start.x, ev.clientX) - rect.left;
      brush.setAttribute("x", String(a));
      brush.setAttribute("width", String(Math.max(1, b - a)));
    });
    const finish = (ev) => {
      if (!start) return;
      const end = { x: ev.clientX, day: dayAt(ev.clientX) };
      const s = start;
      start = null;
      if (brush) brush.remove();
      brush = null;
      let from = Math.min(s.day, end.day);
      let to = Math.max(s.day, end.day);
      if (Math.abs(end.x - s.x) < 3) {
        // A click: that one day, if it has events; else clear the dates.
        const hit = timeline.perDay.some(([d]) => dayNumber(d) === from);
        if (!hit) {
          if (state.filters.since || state.filters.until) $("clear-dates").click();
          return;
        }
        to = from;
      }
      from = Math.max(from, timeline.from + 1);
      to = Math.min(to, timeline.to - 1);
      setFilters(Object.assign({}, state.filters, { since: isoDay(from), until: isoDay(to) }));
    };
    node.addEventListener("pointerup", finish);
    node.addEventListener("pointercancel", () => {
      start = null;
      if (brush) brush.remove();
      brush = null;
    });
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => renderTimeline(timeline.perDay), 150);
    });
  }

  // ---------- start ----------
  // The page cannot start: say why, in the bar and the alert, rather than "connecting…" and
  // "loading…" for ever.
  function failStart(message) {
    showError(message);
    $("count").textContent = "not loaded";
    setLive("offline", "not connected");
    $("live").title = "The page did not start: no live updates";
    document.body.dataset.state = "error";
  }

  // The browser libraries the page needs, served from /static/vendor/ (`make vendor` builds it).
  function missingLibraries() {
    const missing = [];
    if (typeof L === "undefined") missing.push("Leaflet");
    else if (typeof L.markerClusterGroup !== "function") missing.push("Leaflet.markercluster");
    if (typeof topojson === "undefined") missing.push("topojson-client");
    return missing;
  }

  async function start() {
    readHash();
    const missing = missingLibraries();
    if (missing.length) {
      return failStart(
        "The map's libraries did not load (" + missing.join(", ") + " from /static/vendor/):"
        + " this server was installed without them; build them with `make vendor` and reload."
      );
    }
    let config = { tiles: null };
    try {
      [config, globalFacets] = await Promise.all([getJSON("/api/config"), getJSON("/api/facets")]);
    } catch (e) {
      showError("Could not reach the eventwire API: " + e.message);
    }
    initMap(config);
    fillFilterForm();
    bindFilters();
    bindTimeline();
    await load(true);
  }

  // A small hook for tests and for the console.
  window.eventwire = {
    state,
    total: () => total,
    noCoordinates: () => noCoords,
    renderedCount,
    select: (id) => selectEvent(id, true),
    setFilters: (f) => setFilters(f),
    live,
    cursor: () => cursor,
    markers: () => markersById.size,
    fresh: (id) => freshness(id),
    // zoom until the event's marker is out of its cluster
    show: (id) => new Promise((done) => {
      const m = markersById.get(id);
      if (!m) return done(false);
      if (selectedLayer.hasLayer(m)) return done(true);
      clusters.zoomToShowLayer(m, () => done(true));
    }),
  };

  function begin() {
    start().catch((e) => failStart("The page failed to start: " + e.message));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
})();
