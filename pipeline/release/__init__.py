"""Releases of the data package in datasets/: the published version folders (folders), versions from the data
diff, changelog and catalog (versions), the rows two packages differ by (table_files), reproducible zips and
their checks (archive), writing them (distribution), verification of a release folder (verify) and publishing
as one locked transaction (transaction)."""
