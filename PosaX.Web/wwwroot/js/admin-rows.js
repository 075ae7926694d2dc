// A moderation row shows its new state as soon as the server answers, without a reload.
// A form marked data-row-state="<name>" (visibility, featured, suspension, report) changes that
// state of its row (.admin-row); the answer's `state` ({ name, status, label, action }) says the
// new one. Within the row:
// - data-state-<name> on the row holds the status (CSS and tests read it);
// - [data-state-label="<name>"] shows the label (the badge), hidden when the label is empty;
// - forms marked data-when="<name>:<status>" are shown only in that status (hide ↔ show);
// - a toggling button ([data-state-action]) takes the label of its next act.
// Every text comes from the server's answer: none is written here.
document.addEventListener("ajax-form:success", (event) => {
  const form = event.target;
  const state = event.detail?.state;
  if (!(form instanceof HTMLFormElement) || !form.dataset.rowState || !state || state.name !== form.dataset.rowState) return;
  const row = form.closest(".admin-row");
  if (!row) return;
  row.setAttribute(`data-state-${state.name}`, state.status);
  for (const label of row.querySelectorAll(`[data-state-label="${CSS.escape(state.name)}"]`)) {
    label.textContent = state.label ?? "";
    label.hidden = !state.label;
  }
  let shown = null;
  for (const other of row.querySelectorAll("form[data-when]")) {
    const [name, status] = other.dataset.when.split(":");
    if (name !== state.name) continue;
    other.hidden = status !== state.status;
    if (!other.hidden) shown = other;
  }
  const said = form.querySelector("[data-form-message]");
  if (form.hidden && !shown && said) {
    // No form takes over (a closed report): the answer stays in the row, outside the hidden form.
    form.after(said);
  } else if (shown && shown !== form) {
    // The message moves with the act: the form that answered is now hidden.
    const message = shown.querySelector("[data-form-message]");
    if (message && said) {
      message.textContent = said.textContent;
      message.className = said.className;
    }
    form.reset();
  }
  if (state.action) {
    const button = form.querySelector("[data-state-action]");
    if (button) button.textContent = state.action;
  }
});
