/* Swagger UI for /docs, started from this file: the page's CSP allows no inline script.
 * swagger-ui-bundle.js and its CSS come from the fastapi-offline wheel (no CDN). */
(function () {
  "use strict";
  window.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("swagger-ui");
    if (!el || typeof window.SwaggerUIBundle !== "function") return;
    window.SwaggerUIBundle({
      url: el.getAttribute("data-spec"),
      dom_id: "#swagger-ui",
      deepLinking: true,
      docExpansion: "list",
      defaultModelsExpandDepth: 0,
      validatorUrl: null, // the default sends the schema to validator.swagger.io
      tryItOutEnabled: false
    });
  });
})();
