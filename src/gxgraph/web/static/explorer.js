// Progressive enhancement shared by every page: typeahead search boxes and expandable table rows.
const lang = document.documentElement.dataset.lang || "en";

export function nodeName(node) {
  if (!node) return "";
  return (lang === "ja" && node.name_ja) || node.name_en || node.id;
}

// A combobox over /v1/search: arrow keys move, Enter picks, Escape closes. In a plain search form
// picking opens the node; in a picker it fills the hidden input the form submits.
function typeahead(container) {
  const input = container.querySelector('input[role="combobox"]');
  const list = container.querySelector('[role="listbox"]');
  const picked = container.querySelector("[data-picked]");
  let hits = [];
  let active = -1;
  let timer = null;
  let generation = 0;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function show() {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const li = document.createElement("li");
        li.id = `${list.id}-${i}`;
        li.setAttribute("role", "option");
        li.dataset.id = hit.id;
        li.setAttribute("aria-selected", String(i === active));
        const kind = document.createElement("span");
        kind.className = `kind kind-${hit.kind}`;
        kind.textContent = hit.kind.replace("_", " ");
        li.append(kind, " ", nodeName(hit));
        li.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
  }
  function choose(i) {
    const hit = hits[i];
    if (!hit) return;
    if (picked) {
      picked.value = hit.id;
      input.value = nodeName(hit);
      close();
    } else {
      window.location.href = `/nodes/${encodeURIComponent(hit.id)}`;
    }
  }
  async function lookup() {
    const text = input.value.trim();
    const mine = ++generation;
    if (!text) {
      hits = [];
      close();
      return;
    }
    const response = await fetch(`/v1/search?q=${encodeURIComponent(text)}&limit=8`, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (mine !== generation) return;
    hits = response.ok ? await response.json() : [];
    active = -1;
    show();
  }
  input.addEventListener("input", () => {
    if (picked) picked.value = "";
    clearTimeout(timer);
    timer = setTimeout(lookup, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!hits.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      show();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  // A picker left as typed text is resolved by the server to the best hit, so no JS is required.
  if (picked) container.closest("form")?.addEventListener("submit", () => {
    if (!picked.value) picked.value = input.value.trim();
  });
}

document.querySelectorAll("[data-typeahead]").forEach(typeahead);

document.querySelectorAll("button.expand").forEach((button) => {
  button.addEventListener("click", () => {
    const detail = document.getElementById(button.getAttribute("aria-controls"));
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "▾" : "▸";
    detail.hidden = !open;
  });
});
