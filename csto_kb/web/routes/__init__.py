"""One module per page; each gives its HTML page and the page's JSON twin under /api from one view."""
