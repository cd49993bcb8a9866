"""The restricted grammar for user-supplied expressions: tokenizer, precedence parser and resource caps."""
