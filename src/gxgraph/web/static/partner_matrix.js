// The partner matrix: the chart description the analysis answers with, drawn by Vega-Lite.
const spec = JSON.parse(document.getElementById("matrix-data").textContent);
const container = document.getElementById("matrix-chart");
const result = await window.vegaEmbed(container, { ...spec, width: "container", height: 360 }, {
  actions: false,
  renderer: "svg",
});
container.dataset.ready = "true";
window.gxChart = result.view;
