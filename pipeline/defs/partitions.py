"""Partitions: one dynamic partition per seed document (partition key = doc_id)."""

import dagster as dg

documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
