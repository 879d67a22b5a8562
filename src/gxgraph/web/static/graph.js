// The graph canvas (cytoscape.js, vendored): nodes coloured by kind, drag, zoom, click handlers.
import { nodeName } from "./explorer.js";

export const KIND_COLOURS = {
  institution: "#1f77b4",
  field: "#2ca02c",
  technology: "#d62728",
  business_model: "#9467bd",
  case_study: "#8c564b",
  company: "#ff7f0e",
  investor: "#e377c2",
  expert: "#17becf",
  partnership: "#bcbd22",
  country: "#7f7f7f",
  market_segment: "#393b79",
};

// Past this many elements the canvas switches to cytoscape's WebGL renderer and a cheaper layout.
const LARGE = 800;

export function nodeElement(node, extra = {}) {
  return {
    group: "nodes",
    data: { id: node.id, label: nodeName(node), kind: node.kind, colour: KIND_COLOURS[node.kind] || "#555", ...extra },
  };
}

export function edgeElement(rel) {
  const from = rel.from ?? rel.from_id;
  const to = rel.to ?? rel.to_id;
  return { group: "edges", data: { id: `${rel.type}:${from}:${to}`, source: from, target: to, label: rel.type } };
}

export function layoutFor(count) {
  if (count > LARGE) return { name: "concentric", animate: false, minNodeSpacing: 4 };
  return { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 80, padding: 20 };
}

export function createGraph(container, elements, { onTap, onOpen, layout } = {}) {
  const large = elements.length > LARGE;
  const cy = window.cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    renderer: large ? { name: "canvas", webgl: true } : undefined,
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(colour)",
          label: large ? "" : "data(label)",
          "font-size": 10,
          "text-wrap": "ellipsis",
          "text-max-width": 120,
          "text-valign": "bottom",
          "text-margin-y": 3,
          width: 16,
          height: 16,
        },
      },
      { selector: "node.origin", style: { width: 26, height: 26, "border-width": 3, "border-color": "#111" } },
      { selector: "node.expanded", style: { "border-width": 2, "border-color": "#444" } },
      {
        selector: "edge",
        style: {
          width: 1.2,
          "line-color": "#bbb",
          "curve-style": large ? "haystack" : "bezier",
          "target-arrow-shape": large ? "none" : "triangle",
          "target-arrow-color": "#bbb",
          "arrow-scale": 0.7,
        },
      },
      { selector: "edge.path", style: { width: 3, "line-color": "#c2185b", "target-arrow-color": "#c2185b", label: "data(label)", "font-size": 8 } },
    ],
    layout: layout || layoutFor(elements.length),
  });
  if (onTap) cy.on("tap", "node", (event) => onTap(event.target));
  if (onOpen) cy.on("dbltap", "node", (event) => onOpen(event.target));
  return cy;
}

// A chain or a few parallel chains read best laid out as levels away from where they start.
export function pathLayout(root) {
  return { name: "breadthfirst", roots: [root], directed: false, spacingFactor: 1.1, padding: 20, animate: false };
}

export function openNode(node) {
  window.location.href = `/nodes/${encodeURIComponent(node.id())}`;
}
