// The header's menu on a phone: a button shows or hides the links; Escape or a tap elsewhere closes it.
export function bindSiteMenu() {
  const header = document.querySelector("[data-site-header]");
  const toggle = header?.querySelector("[data-menu-toggle]");
  if (!toggle) return;
  const setOpen = (open) => {
    header.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && header.classList.contains("is-open")) { setOpen(false); toggle.focus(); }
  });
  document.addEventListener("click", (e) => { if (!header.contains(e.target)) setOpen(false); });
}
