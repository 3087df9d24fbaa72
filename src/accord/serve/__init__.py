"""serve: REST API and dashboard."""
