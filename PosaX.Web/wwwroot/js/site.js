import { bindAjaxForms } from "./ajax-form.js";
import { bindSiteMenu } from "./site-menu.js";

bindAjaxForms();
bindSiteMenu();
document.documentElement.classList.add("js");
