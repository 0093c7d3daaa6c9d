// The "Afdrukken" button of a page (data-afdrukken): an external script, as the
// Content-Security-Policy allows no inline event handlers.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-afdrukken]")) {
    window.print();
  }
});
