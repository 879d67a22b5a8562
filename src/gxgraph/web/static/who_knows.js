// Who-knows-what: draws the warm-introduction path of the chosen knower (the first one at load).
import { nodeName } from "./explorer.js";
import { createGraph, edgeElement, nodeElement, openNode, pathLayout } from "./graph.js";

const introductions = JSON.parse(document.getElementById("intro-data").textContent);
const container = document.getElementById("graph");
const stepsList = document.getElementById("intro-steps");
let cy = null;

function draw(knowerId) {
  const intro = introductions[knowerId];
  const names = Object.fromEntries(intro.nodes.map((n) => [n.id, n]));
  const elements = [
    ...intro.nodes.map((n) => nodeElement(n)),
    ...intro.steps.map((s) => ({ ...edgeElement(s), classes: "path" })),
  ];
  if (cy) cy.destroy();
  cy = createGraph(container, elements, { onOpen: openNode, onTap: openNode, layout: pathLayout(intro.from_id) });
  cy.getElementById(intro.from_id).addClass("origin");
  cy.getElementById(intro.to_id).addClass("origin");
  stepsList.replaceChildren(
    ...intro.steps.map((step) => {
      const li = document.createElement("li");
      const link = (id) => {
        const a = document.createElement("a");
        a.href = `/nodes/${encodeURIComponent(id)}`;
        a.textContent = nodeName(names[id] || { id });
        return a;
      };
      const rel = document.createElement("span");
      rel.className = "rel";
      rel.textContent = ` ${step.type} `;
      li.append(link(step.from), rel, link(step.to));
      return li;
    }),
  );
  container.dataset.knower = knowerId;
  container.dataset.ready = "true";
}

document.querySelectorAll("button.draw-intro").forEach((button) => {
  button.addEventListener("click", () => draw(button.dataset.knower));
});
const first = Object.keys(introductions)[0];
if (first) draw(first);
