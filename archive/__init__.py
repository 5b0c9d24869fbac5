"""The archive: what happens to a document after the pipeline has read it.

Review and publication, corrections by staff, the public PDF, open data,
preservation (fixity, BagIt export), links between cases; and the
archive's settings (config) and stores (services) that every layer above
shares. It imports the pure libraries (storage, anonymise, indexing,
metadata) and nothing above it: ingest/, search_api/ and sotarchive/ call it.
"""
