import { bindAjaxForms } from "./ajax-form.js";
import { bindSiteMenu } from "./site-menu.js";
import { bindFavourites } from "./favourites.js";
import { bindLanguageSwitch } from "./language-switch.js";

bindAjaxForms();
bindSiteMenu();
bindFavourites();
bindLanguageSwitch();
document.documentElement.classList.add("js");
