// The path finder's canvas: every shortest path, its relationships highlighted.
import { createGraph, edgeElement, nodeElement, openNode, pathLayout } from "./graph.js";

const result = JSON.parse(document.getElementById("graph-data").textContent);
const container = document.getElementById("graph");
const seen = new Set();
const elements = [];
for (const path of result.paths) {
  for (const node of path.nodes) {
    if (!seen.has(node.id)) {
      seen.add(node.id);
      elements.push(nodeElement(node));
    }
  }
  for (const rel of path.relationships) {
    const element = edgeElement(rel);
    if (!seen.has(element.data.id)) {
      seen.add(element.data.id);
      elements.push({ ...element, classes: "path" });
    }
  }
}
const cy = createGraph(container, elements, { onOpen: openNode, onTap: openNode, layout: pathLayout(result.source) });
cy.getElementById(result.source).addClass("origin");
cy.getElementById(result.target).addClass("origin");
container.dataset.nodes = String(cy.nodes().length);
container.dataset.ready = "true";
window.gxGraph = cy;
