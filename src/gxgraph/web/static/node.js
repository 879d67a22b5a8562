// The node page's neighbourhood: fetched from /v1, drawn, and expanded by clicking a node.
import { createGraph, edgeElement, layoutFor, nodeElement, openNode } from "./graph.js";

const config = JSON.parse(document.getElementById("graph-config").textContent);
const status = document.getElementById("graph-status");
const container = document.getElementById("graph");

function neighboursUrl(id, depth, limit) {
  const params = new URLSearchParams({ depth: String(depth), limit: String(limit) });
  config.kinds.forEach((kind) => params.append("kind", kind));
  config.rel_types.forEach((type) => params.append("rel_type", type));
  return `/v1/nodes/${encodeURIComponent(id)}/neighbors?${params}`;
}

async function neighbourhood(id, depth, limit) {
  const response = await fetch(neighboursUrl(id, depth, limit), { credentials: "same-origin" });
  if (!response.ok) throw new Error(`neighbours of ${id}: HTTP ${response.status}`);
  return response.json();
}

// Every node and relationship on the ways to each neighbour (the 'via' chains), without duplicates.
function elementsOf(answer, known) {
  const added = [];
  const add = (element) => {
    if (!known.has(element.data.id)) {
      known.add(element.data.id);
      added.push(element);
    }
  };
  add(nodeElement(answer.origin));
  const chains = answer.neighbors.map((n) => n.via);
  answer.neighbors.forEach((n) => add(nodeElement(n.node)));
  // A via chain may pass through nodes the kind filter hides: draw those as well, or edges dangle.
  chains.flat().forEach((rel) => {
    [rel.from, rel.to].forEach((id) => {
      if (!known.has(id)) add(nodeElement({ id, name_en: id, kind: "unknown" }));
    });
  });
  chains.flat().forEach((rel) => add(edgeElement(rel)));
  return added;
}

async function main() {
  const known = new Set();
  const first = await neighbourhood(config.origin, config.depth, config.limit);
  const cy = createGraph(container, elementsOf(first, known), {
    onTap: async (node) => {
      if (node.hasClass("expanded")) return;
      node.addClass("expanded");
      status.textContent = "…";
      try {
        const more = await neighbourhood(node.id(), 1, 50);
        const added = elementsOf(more, known);
        cy.add(added);
        cy.layout(layoutFor(cy.elements().length)).run();
        status.textContent = `${cy.nodes().length} / ${cy.edges().length}`;
        container.dataset.expanded = (Number(container.dataset.expanded || 0) + 1).toString();
      } catch (error) {
        status.textContent = String(error);
        throw error;
      }
    },
    onOpen: openNode,
  });
  cy.getElementById(config.origin).addClass("origin");
  status.textContent = `${cy.nodes().length} / ${cy.edges().length}${first.truncated ? " (truncated)" : ""}`;
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.ready = "true";
  window.gxGraph = cy;
}

main();
