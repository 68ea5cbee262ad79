"""Text renderings of the record for people: Markdown that pastes into a memo."""
