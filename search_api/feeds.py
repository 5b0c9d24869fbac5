"""What sot.kg and search engines read: the publication feed (JSON in the
API, Atom here) and the sitemap of published decisions. They carry the
public titles and addresses only, never an original file's name."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone

from flask import Blueprint, Response, url_for
from archive import publication
from search_api.arguments import int_arg
from search_api.auth import limiter, public_limit
from search_api.documents import services

blueprint = Blueprint("feeds", __name__)
limiter.shared_limit(public_limit, scope="public")(blueprint)
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_MAX = 50_000  # URLs in one sitemap file, as the protocol allows


def feed_page(after: int, limit: int) -> tuple[list[publication.FeedItem], int | None]:
    items = publication.feed(services(), after, limit)
    return items, (items[-1].event if len(items) == limit else None)


@blueprint.get("/feed.atom")
def atom():  # type: ignore[no-untyped-def]
    # As the JSON feed checks it: a number past the database's integers is a 400, not a 500.
    after = int_arg("after", 0, 0, 2**62)
    items, next_after = feed_page(after, 100)
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(root, f"{{{ATOM}}}title").text = "sotarchive: published decisions / жарыяланган чечимдер / опубликованные решения"
    ET.SubElement(root, f"{{{ATOM}}}id").text = url_for("feeds.atom", _external=True)
    ET.SubElement(root, f"{{{ATOM}}}updated").text = items[-1].at if items else datetime.now(timezone.utc).isoformat()
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=url_for("feeds.atom", after=after or None, _external=True))
    if next_after is not None:
        ET.SubElement(root, f"{{{ATOM}}}link", rel="next", href=url_for("feeds.atom", after=next_after, _external=True))
    for item in items:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        address = url_for("public.decision", document_id=item.document_id, _external=True)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{address}#event-{item.event}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item.title or item.document_id
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = item.at
        ET.SubElement(entry, f"{{{ATOM}}}category", term=item.action)
        if item.title is not None:
            ET.SubElement(entry, f"{{{ATOM}}}link", href=address)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="application/atom+xml", headers={"Cache-Control": "public, max-age=300"})


@blueprint.get("/sitemap.xml")
def sitemap():  # type: ignore[no-untyped-def]
    rows = publication.sitemap_entries(services(), SITEMAP_MAX)
    ET.register_namespace("", SITEMAP)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for document_id, published_at in rows:
        url = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = url_for("public.decision", document_id=document_id, _external=True)
        if published_at:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = published_at.date().isoformat()
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="application/xml", headers={"Cache-Control": "public, max-age=3600"})
