"""Cohere Workbench: try, demo and check Cohere models deployed as serverless API endpoints."""

__version__ = "0.1.0"
