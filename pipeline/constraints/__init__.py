"""The decoding constraints that `govreport_span_constraints` runs, one module per label (`figures`, `indicators`,
`places`, `bodies`, `projects`, `honours`) and for what they share (`punctuation`, `words`, `span_lists`). Each
module reads character spans over the normalised text and never a spaCy Doc; none imports a component."""
