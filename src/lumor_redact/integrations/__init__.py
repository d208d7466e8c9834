"""Thin adapters to other libraries (presidio, pipecat …). They import the core; the core never imports them."""
