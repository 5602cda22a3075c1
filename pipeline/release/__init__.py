"""Releases of the data package in datasets/: versions from the data diff, changelog and catalog (versions), the
rows two packages differ by (table_files), release notes and citation (notes), reproducible zips and pointers
(archive), verification of a release folder (verify) and publishing as one locked transaction (transaction)."""
