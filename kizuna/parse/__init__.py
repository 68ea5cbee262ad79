"""Article records from raw input: decoding, format detection and one parser per format.

`dispatch.parse_bytes` is the way in; `decode`, `detect`, `article_json`, `text`, `html` and
`feed` each do one step, and `record` finishes every Article the same way. This package
imports nothing heavy, so `kizuna.parse.language` stays cheap to import.
"""
