// The login/register page: both panels live in one page; switching animates (transform and
// opacity only) and the URL follows the panel, so /connexion and /inscription stay shareable
// and the back button works.
import "./photo-preview.js";

const section = document.querySelector("[data-auth]");
if (section) {
  const panels = {
    login: section.querySelector('[data-panel="login"]'),
    register: section.querySelector('[data-panel="register"]'),
  };
  // The page's language says which URLs the panels have (/en/login on English pages).
  const paths = document.documentElement.lang === "en"
    ? { login: "/en/login", register: "/en/register" }
    : { login: "/connexion", register: "/inscription" };
  // The panels' titles are the server's (AuthTexts), on each panel's data-title.
  const titles = { login: panels.login.dataset.title, register: panels.register.dataset.title };
  const heading = section.querySelector("[data-auth-heading]");

  // With JavaScript both panels are rendered; the inactive one is inert and faded out.
  for (const panel of Object.values(panels)) panel.hidden = false;
  section.classList.add("is-animated");

  function show(name, { push = true, focus = true } = {}) {
    if (!panels[name]) return;
    section.dataset.active = name;
    for (const [key, panel] of Object.entries(panels)) panel.inert = key !== name;
    document.title = titles[name];
    if (heading) heading.textContent = panels[name].dataset.heading;
    if (push && location.pathname !== paths[name]) {
      history.pushState({ panel: name }, "", paths[name] + location.search);
    }
    if (focus) panels[name].querySelector("input:not([type=hidden]):not([type=file])")?.focus({ preventScroll: true });
  }

  for (const link of section.querySelectorAll("[data-switch-to]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      show(link.dataset.switchTo);
    });
  }
  window.addEventListener("popstate", () => {
    show(location.pathname === paths.register ? "register" : "login", { push: false, focus: false });
  });
  show(section.dataset.active, { push: false, focus: false });
}
