"""One data package written from the warehouse: table files, descriptor, checksums and validation (files), its
README and data dictionary (readme, readme_analysis), release notes and citation in words (release_notes), the
loader shipped in it as load.py (loader) and how text cells are written to CSV (csv_policy)."""
