"""The corpus viewer (``newsdistill serve``): see app.create_app."""
