"""The QA pane: run the deployment checks against a saved endpoint and save the report."""
