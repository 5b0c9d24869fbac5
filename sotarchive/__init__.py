"""sotarchive: the court archive of the Kyrgyz Republic, digitised and searchable.

This package is the thin wiring: settings and the command line.
"""

__version__ = "0.1.0"
