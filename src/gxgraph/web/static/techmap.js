// The technology map as an interactive Vega-Lite bubble chart: hover for figures, click for the cell.
const data = JSON.parse(document.getElementById("techmap-data").textContent);
const L = data.labels;
const cells = data.cells.map((c) => ({ ...c, illustrative_mark: c.illustrative ? L.illustrative : "" }));

const spec = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width: "container",
  height: 380,
  data: { values: cells },
  mark: { type: "circle", opacity: 0.85, stroke: "#333", strokeWidth: 0.5, cursor: "pointer" },
  encoding: {
    x: { field: "digital_technology", type: "nominal", title: L.digital_technology, axis: { labelAngle: -30 } },
    y: { field: "industry", type: "nominal", title: L.industry },
    size: { field: "market_size_usd", type: "quantitative", title: L.size, scale: { range: [30, 1600] } },
    color: { field: "cagr_pct", type: "quantitative", title: L.cagr, scale: { scheme: "viridis" } },
    tooltip: [
      { field: "label", title: L.cell },
      { field: "cagr_pct", title: L.cagr },
      { field: "market_size_usd", title: L.size, format: ",.0f" },
      { field: "technologies", title: L.technologies },
      { field: "deployments", title: L.deployments },
      { field: "gap_count", title: L.gaps },
      { field: "illustrative_mark", title: "⚠" },
    ],
  },
  config: { font: "system-ui, sans-serif" },
};

const container = document.getElementById("techmap");
const result = await window.vegaEmbed(container, spec, { actions: false, renderer: "svg" });
result.view.addEventListener("click", (_event, item) => {
  if (!item || !item.datum || !item.datum.industry) return;
  const params = new URLSearchParams(window.location.search);
  params.set("industry", item.datum.industry);
  params.set("digital_technology", item.datum.digital_technology);
  window.location.href = `${window.location.pathname}?${params}`;
});
container.dataset.ready = "true";
window.gxChart = result.view;
