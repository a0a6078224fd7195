"""Chat pane: streaming transcript, conversation, parameters, documents, tools and trace."""
