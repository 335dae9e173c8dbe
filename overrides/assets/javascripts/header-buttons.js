/* Material's menu and search buttons are <label>s for hidden checkboxes: a
   mouse can use them, a keyboard cannot reach them. This makes each one a
   keyboard stop too, named from the theme's own words (data-menu,
   data-search on this script's tag). Enter or Space
   opens or closes it; Escape closes the open menu and returns to its button.
   The closed menu's links take no focus: nextsteps.css hides the drawer. */
(function () {
  "use strict";
  var tag = document.currentScript;
  var names = { __drawer: tag.getAttribute("data-menu"), __search: tag.getAttribute("data-search") };

  function makeButton(label) {
    var box = document.getElementById(label.htmlFor);
    if (!box || label.hasAttribute("tabindex")) return;
    // ARIA allows no role on a <label>, so it keeps its own and is named by a title.
    label.setAttribute("tabindex", "0");
    if (names[box.id]) label.setAttribute("title", names[box.id]);
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation(); // Material clicks a focused label on Enter too: once is enough
      label.click(); // the label's own action: it ticks the box and Material follows
      // An open search is for typing: go to its box.
      var input = box.id === "__search" && box.checked && document.querySelector(".md-search__input");
      if (input) input.focus();
    });
  }

  // The colour scheme switch is a real radio button already: only these two.
  document.querySelectorAll('.md-header label.md-header__button[for="__drawer"], .md-header label.md-header__button[for="__search"]').forEach(makeButton);

  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector('.md-header label[for="__drawer"]');
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer || !drawer.checked || !menu) return;
    menu.click();
    menu.focus();
  });
})();
