import { bindAjaxForms } from "./ajax-form.js";
import { bindSiteMenu } from "./site-menu.js";
import { bindFavourites } from "./favourites.js";

bindAjaxForms();
bindSiteMenu();
bindFavourites();
document.documentElement.classList.add("js");
