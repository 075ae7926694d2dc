// The one helper that speaks the project's JSON contract:
// {"success": bool, "message": string|null, "redirect_url": string|null, "errors": {"field": ["…"]}}
// It posts the form's FormData with fetch, sends the antiforgery token in the
// RequestVerificationToken header, shows field errors next to their fields and the message in
// the form, and follows redirect_url on success. A form on a cached page carries no token (it
// would be another visitor's): its data-token-url gives a fresh one, fetched right before posting.

// Its own messages are the server's (SharedTexts.Scripts), written once on <body> by the layout.
const text = (name) => document.body.dataset[name] ?? "";

export async function postForm(form, { onSuccess } = {}) {
  const button = form.querySelector("[type=submit]");
  clearErrors(form);
  setBusy(form, button, true);
  const progress = form.querySelector("[data-progress]");
  let answer;
  try {
    // Photos still being checked or made lighter (photo-upload.js) are waited for.
    await Promise.all(Array.from(form.querySelectorAll("input[type=file]"), (input) => input.pendingWork));
    const token = await tokenFor(form);
    answer = progress ? await sendWithProgress(form, token, progress) : await send(form, token);
  } catch {
    setBusy(form, button, false);
    if (progress) progress.hidden = true;
    showMessage(form, text("textNetworkError"), false);
    return null;
  }
  setBusy(form, button, false);
  if (progress) progress.hidden = true;
  const { status, body } = answer;
  if (!body) {
    showMessage(form, text(status === 413 ? "textTooLarge" : "textServerError"), false);
    return null;
  }
  if (body.success) {
    if (onSuccess) onSuccess(body);
    if (body.redirect_url) {
      window.location.assign(body.redirect_url);
    } else {
      showMessage(form, body.message, true);
    }
    // Pages that show what an answer changed (admin-rows.js: a row's new state) listen for this.
    form.dispatchEvent(new CustomEvent("ajax-form:success", { bubbles: true, detail: body }));
    return body;
  }
  showErrors(form, body.errors ?? {});
  showMessage(form, body.message, false, body.redirect_url);
  return body;
}

async function tokenFor(form) {
  const hidden = form.querySelector("input[name=__RequestVerificationToken]")?.value;
  if (hidden || !form.dataset.tokenUrl) return hidden ?? "";
  const response = await fetch(form.dataset.tokenUrl, {
    headers: { "Accept": "application/json" },
    credentials: "same-origin",
    cache: "no-store",
  });
  if (!response.ok) throw new Error("token");
  return (await response.json()).token;
}

async function send(form, token) {
  const response = await fetch(form.action, {
    method: "POST",
    body: new FormData(form),
    headers: { "RequestVerificationToken": token, "Accept": "application/json" },
    credentials: "same-origin",
  });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  return { status: response.status, body };
}

// fetch() cannot report upload progress; photos on a slow connection need it, so XHR here.
function sendWithProgress(form, token, progress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("RequestVerificationToken", token);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (event) => {
      if (!event.lengthComputable) return;
      progress.hidden = false;
      progress.value = Math.round((event.loaded / event.total) * 100);
    });
    xhr.addEventListener("load", () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener("error", () => reject(new Error("network")));
    xhr.addEventListener("abort", () => reject(new Error("abort")));
    xhr.send(new FormData(form));
  });
}

function setBusy(form, button, busy) {
  form.setAttribute("aria-busy", busy ? "true" : "false");
  if (button) button.disabled = busy;
}

function clearErrors(form) {
  for (const el of form.querySelectorAll("[data-error-for]")) el.textContent = "";
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  showMessage(form, null, true);
}

function showErrors(form, errors) {
  let first = null;
  for (const [field, messages] of Object.entries(errors)) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (slot) slot.textContent = messages.join(" ");
    const input = form.elements.namedItem(field);
    if (input instanceof HTMLElement) {
      input.setAttribute("aria-invalid", "true");
      first ??= input;
    }
  }
  first?.focus();
}

// A failed answer may carry a next step (resend the activation link, sign in again): offered as a link.
const NEXT_STEPS = {
  "/inscription/confirmation": "textResendActivation",
  "/connexion": "textSignIn",
  "/en/register/confirmation": "textResendActivation",
  "/en/login": "textSignIn",
};

function showMessage(form, message, success, actionUrl) {
  const slot = form.querySelector("[data-form-message]");
  if (!slot) return;
  slot.textContent = message ?? "";
  slot.classList.toggle("is-success", Boolean(message) && success);
  slot.classList.toggle("is-error", Boolean(message) && !success);
  if (actionUrl && message) {
    const link = document.createElement("a");
    link.href = actionUrl;
    link.textContent = text(NEXT_STEPS[new URL(actionUrl, location.href).pathname] ?? "textContinue");
    slot.append(" ", link);
  }
}

// An error goes as soon as its field is changed: the next answer says whether it is fixed.
function clearFieldErrorOnEdit(form) {
  const clear = (event) => {
    const field = event.target;
    if (!(field instanceof HTMLElement) || !field.hasAttribute("aria-invalid") || !field.name) return;
    if (field.type === "file") return; // photo-upload.js judges the new files itself
    field.removeAttribute("aria-invalid");
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field.name)}"]`);
    if (slot) slot.textContent = "";
  };
  form.addEventListener("input", clear);
  form.addEventListener("change", clear);
}

export function bindAjaxForms(root = document) {
  for (const form of root.querySelectorAll("form[data-ajax-form]")) {
    clearFieldErrorOnEdit(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
      postForm(form);
    });
  }
}
