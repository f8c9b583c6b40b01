"""Training commands: every model the pipeline ships is rebuilt from here (`make train`)."""
