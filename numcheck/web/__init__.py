"""The copy-desk web page (``numcheck serve``) and the HTML report (``--format html``).

Both show an article the same way (:mod:`numcheck.web.markup`): every quantity underlined,
every finding highlighted where it is, its explanation one click away. The FastAPI application
is in :mod:`numcheck.web.app` (needs ``numcheck[web]``); importing this package does not load
FastAPI, so the HTML report works without the web extra.
"""
