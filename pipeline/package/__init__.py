"""One data package written from the warehouse: table files, descriptor and checksums (files), its validation
(validation), README and data dictionary (readme, readme_analysis, readme_indicators, coverage), release notes
and citation in words (release_notes), the SQLite copy (sqlite), the loader shipped in it as load.py (loader),
the shape of its JSON files (json_files) and how text cells are written to CSV (csv_policy)."""
