"""The sample archive: fictional court documents rendered as scans.

`sotarchive demo` ingests it and the tests use it, so everything runs
offline on documents whose true text is known.
"""

from sotarchive.sample_archive.build import SAMPLES, Sample, build_sample_archive
from sotarchive.sample_archive.render import render_pages, write_pdf, write_text_pdf, write_tiff

__all__ = [
    "SAMPLES",
    "Sample",
    "build_sample_archive",
    "render_pages",
    "write_pdf",
    "write_text_pdf",
    "write_tiff",
]
