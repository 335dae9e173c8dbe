/* The oEmbed discovery <link rel="alternate"> is for tools that read the
   page's HTML, such as WordPress. In the browser, Material's bundle would
   take it for a translation and fetch a sitemap next to the oEmbed file.
   Deferred, this runs before DOMContentLoaded, when the bundle looks. */
document.querySelectorAll("link[rel=alternate][type='application/json+oembed']").forEach(function (link) {
  link.remove();
});
