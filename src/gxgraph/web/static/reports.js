// Report generation: POST /v1/reports (a write: it carries the session's CSRF token), poll the job,
// then offer its file, which the browser downloads with the session cookie.
const form = document.getElementById("report-form");
const status = document.getElementById("report-status");
const download = document.getElementById("report-download");
const messages = JSON.parse(document.getElementById("report-messages").textContent);
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");

function csrfToken() {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("gx_csrf="));
  return cookie ? decodeURIComponent(cookie.slice("gx_csrf=".length)) : "";
}

async function poll(location) {
  for (;;) {
    const response = await fetch(location, { credentials: "same-origin" });
    const job = await response.json();
    if (!response.ok) throw new Error(job.error?.message || `HTTP ${response.status}`);
    if (job.status === "done") return job;
    if (job.status === "failed") throw new Error(job.error?.message || "failed");
    status.textContent = job.status === "queued" ? messages.queued : fill(messages.running, { step: job.step });
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = Object.fromEntries([...new FormData(form)].filter(([, value]) => value !== ""));
  download.hidden = true;
  status.textContent = messages.queued;
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    const response = await fetch("/v1/reports", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
      body: JSON.stringify(body),
    });
    const created = await response.json();
    if (!response.ok) throw new Error(created.error?.message || `HTTP ${response.status}`);
    const job = await poll(`/v1/reports/${created.id}`);
    status.textContent = fill(messages.done, { name: job.filename });
    download.href = `/v1/reports/${job.id}/file`;
    download.setAttribute("download", job.filename);
    download.textContent = fill(messages.download, { name: job.filename });
    download.hidden = false;
    download.focus();
  } catch (error) {
    status.textContent = fill(messages.failed, { message: error.message });
  } finally {
    button.disabled = false;
  }
});
