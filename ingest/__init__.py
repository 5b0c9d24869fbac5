"""Intake and the pipeline: receiving files, the Celery app, the stage
tasks, claims, batches and their progress.

It ties the pure libraries (storage, ocr, anonymise, indexing, metadata)
together and hands each read document to the archive layer (archive/).
"""
