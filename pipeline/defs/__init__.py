"""Dagster definitions: thin assets, checks, jobs, schedules, sensors and resources.

One module per Dagster concept. The work itself lives in plain Python (pipeline.text, pipeline.tables,
pipeline.package.files); these modules only move data between the warehouse and those functions.
"""
