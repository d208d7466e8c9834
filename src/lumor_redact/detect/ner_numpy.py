"""The shipped NER model's forward pass in numpy, for one short text at a time.

Why: a streaming feed runs the model on a dozen words, and spaCy's general machinery (thinc's
layer-by-layer dispatch, the parser's batch set-up) costs about 1 ms there whatever the text,
most of a 3 ms budget. The model is small and fixed (models/lumor_ner: a MultiHashEmbed +
MaxoutWindowEncoder tok2vec and a greedy transition-based NER with one hidden layer), so its
forward pass is a handful of matrix products that numpy does in a fraction of that.

What stays spaCy's: training, the weights, the tokenizer and its lexical attributes (NORM,
PREFIX, SUFFIX, SHAPE), and batch inference (`nlp.pipe` is efficient for many texts). This
module reads the loaded pipeline's parameters and reproduces:

- tok2vec: four hash embeddings (thinc's MurmurHash of each attribute, summed over the four
  hash keys), concatenated, maxout + layer norm; then `depth` residual blocks of a window of
  one token either side, maxout and layer norm, over the sequence padded with
  `depth * window` zero rows on each side (thinc's `with_array(pad=...)`);
- the parser: the listener's linear layer, the precomputed per-token feature products, and
  greedy BILUO decoding whose state features are the buffer's first token, the open
  entity's first token and the token before the buffer (spaCy's `ner` state features), with
  spaCy's validity rules for a text without preset entities (no entity starts on a space
  token; B and I need a following token).

`NumpyNer.build(nlp)` returns None unless the pipeline has exactly this architecture, and
checks itself against spaCy on probe texts before it is used; any mismatch means spaCy's
path is kept. Tests compare the two on generated transcripts of every style.
"""
from __future__ import annotations

import logging
from typing import Any, Sequence

import numpy

__all__ = ["NumpyNer"]

log = logging.getLogger("lumor_redact.ner")

_ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE")
# Texts the forward pass must agree on with spaCy before it is used (styles the model reads).
_PROBES = (
    "um yeah it's sarah nguyen and i live at twelve smith street in parramatta",
    "Hi, it's Dr. Priya Raman from Westmead. I've got asthma and I'm on Ventolin.",
    "my name is john dot smith at gmail dot com  and\nthe address is 4 / 22 o'connell st fitzroy vic",
    "",
    "x",
)


class NumpyNer:
    """Entities of one text from the model's weights; see the module docstring."""

    def __init__(self, nlp: Any, t2v: dict[str, Any], parser: dict[str, Any]) -> None:
        self._nlp = nlp
        self._t2v = t2v
        self._p = parser

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, nlp: Any) -> "NumpyNer | None":
        """The numpy forward pass of `nlp`, or None when its architecture is not the one this
        module reproduces or it disagrees with spaCy on the probe texts."""
        try:
            t2v = _tok2vec_params(nlp)
            parser = _parser_params(nlp)
        except _Unsupported as exc:
            log.info("numpy NER path not used: %s", exc)
            return None
        fast = cls(nlp, t2v, parser)
        if agree(nlp, fast, _PROBES):
            log.warning("numpy NER path disagrees with spaCy on a probe text; using spaCy")
            return None
        return fast

    # ------------------------------------------------------------------ inference
    def __call__(self, text: str) -> list[tuple[int, int, str]]:
        """(start_char, end_char, label) of each entity, in order."""
        doc = self._nlp.make_doc(text)
        n = len(doc)
        if n == 0:
            return []
        arr = doc.to_array(self._t2v["columns"])
        vecs = self._tok2vec(arr[:, :4])
        spans = self._decode(vecs, arr[:, 4].astype(bool))
        out = []
        for s, e, label in spans:
            span = doc[s:e]
            out.append((span.start_char, span.end_char, label))
        return out

    def _tok2vec(self, ids: numpy.ndarray) -> numpy.ndarray:
        p = self._t2v
        n = len(ids)
        hash_fn = p["hash"]
        parts = []
        for table, seed, column in p["embeds"]:
            keys = hash_fn(numpy.ascontiguousarray(ids[:, column]), seed) % table.shape[0]
            parts.append(table[keys].sum(axis=1))
        x = _layer_norm(_maxout(numpy.concatenate(parts, axis=1), p["mix"]), p["mix_norm"])
        pad = p["pad"]
        width = x.shape[1]
        # the sequence with `pad` zero rows either side, plus one more row either side that
        # stays zero: the window's own edge padding
        h = numpy.zeros((n + 2 * pad + 2, width), dtype=numpy.float32)
        h[pad + 1:pad + 1 + n] = x
        for block, norm in p["blocks"]:
            window = numpy.concatenate((h[:-2], h[1:-1], h[2:]), axis=1)
            h[1:-1] += _layer_norm(_maxout(window, block), norm)
        return h[pad + 1:pad + 1 + n]

    def _decode(self, vecs: numpy.ndarray, is_space: numpy.ndarray) -> list[tuple[int, int, str]]:
        p = self._p
        n = len(vecs)
        x = vecs @ p["in_w"]
        x += p["in_b"]
        feats = (x @ p["lower_w"]).reshape(n, 3, -1)   # (token, feature, hidden*pieces)
        pad = p["lower_pad"]                            # (feature, hidden*pieces)
        bias = p["lower_b"]
        pieces = p["pieces"]
        # states outside an entity: features (token, none, none) for every token at once
        outside = feats[:, 0] + pad[1]
        outside += pad[2]
        outside += bias
        scores_out = _scores(outside, pieces, p)
        begin, unit, out_move = p["begin"], p["unit"], p["out"]
        inside, last = p["inside"], p["last"]
        labels = p["labels"]
        spans: list[tuple[int, int, str]] = []
        open_start = -1
        open_label = -1
        for i in range(n):
            if open_start < 0:
                row = scores_out[i]
                best, best_score = out_move, row[out_move]
                if not is_space[i]:
                    for k in range(len(labels)):
                        if i + 1 < n:
                            c = begin[k]
                            if row[c] > best_score or (row[c] == best_score and c < best):
                                best, best_score = c, row[c]
                        c = unit[k]
                        if row[c] > best_score or (row[c] == best_score and c < best):
                            best, best_score = c, row[c]
                if best == out_move:
                    continue
                k = p["label_of"][best]
                if best == unit[k]:
                    spans.append((i, i + 1, labels[k]))
                else:
                    open_start, open_label = i, k
                continue
            # inside an entity: features (token, entity start, previous token)
            h = feats[i, 0] + feats[open_start, 1]
            h += feats[i - 1, 2]
            h += bias
            row = _scores(h[None, :], pieces, p)[0]
            c_last = last[open_label]
            best = c_last
            if i + 1 < n:
                c_in = inside[open_label]
                if row[c_in] > row[c_last] or (row[c_in] == row[c_last] and c_in < c_last):
                    best = c_in
            if best == c_last:
                spans.append((open_start, i + 1, labels[open_label]))
                open_start = open_label = -1
        return spans


# ---------------------------------------------------------------------- numerics
def _maxout(x: numpy.ndarray, layer: tuple[numpy.ndarray, numpy.ndarray, int, int]) -> numpy.ndarray:
    w, b, n_out, n_pieces = layer
    y = x @ w
    y += b
    out = y[:, :n_out]
    for k in range(1, n_pieces):
        out = numpy.maximum(out, y[:, k * n_out:(k + 1) * n_out])
    return out


def _layer_norm(x: numpy.ndarray, params: tuple[numpy.ndarray, numpy.ndarray]) -> numpy.ndarray:
    g, b = params
    inv_n = 1.0 / x.shape[1]
    d = x - _sum_rows(x) * inv_n
    var = _sum_rows(d * d)
    var *= inv_n
    var += 1e-08
    d *= var ** -0.5
    d *= g
    d += b
    return d


def _sum_rows(x: numpy.ndarray) -> numpy.ndarray:
    return numpy.add.reduce(x, axis=1, keepdims=True)  # ndarray.mean's Python wrapper costs more than the sum


def _scores(unmaxed: numpy.ndarray, pieces: int, p: dict[str, Any]) -> numpy.ndarray:
    """Action scores of hidden pre-activations laid out (hidden, piece) as spaCy's are."""
    hidden = unmaxed.reshape(len(unmaxed), -1, pieces).max(axis=2)
    scores = hidden @ p["upper_w"]
    scores += p["upper_b"]
    unseen = p["unseen"]
    if unseen:  # spaCy scores classes never seen in training as the state's lowest score
        scores[:, unseen] = scores.min(axis=1, keepdims=True)
    return scores.tolist()


# ---------------------------------------------------------------------- parameters
class _Unsupported(Exception):
    pass


def _require(cond: bool, what: str) -> None:
    if not cond:
        raise _Unsupported(what)


def _maxout_params(m: Any) -> tuple[numpy.ndarray, numpy.ndarray, int, int]:
    n_out, n_pieces, n_in = m.get_dim("nO"), m.get_dim("nP"), m.get_dim("nI")
    w = m.get_param("W")                       # (out, piece, in)
    b = m.get_param("b")                       # (out, piece)
    # piece-major columns, so each piece's outputs are one contiguous block
    wp = numpy.ascontiguousarray(w.transpose(2, 1, 0).reshape(n_in, n_pieces * n_out), dtype=numpy.float32)
    bp = numpy.ascontiguousarray(b.T.reshape(n_pieces * n_out), dtype=numpy.float32)
    return wp, bp, n_out, n_pieces


def _tok2vec_params(nlp: Any) -> dict[str, Any]:
    from spacy import attrs
    from thinc.api import NumpyOps

    _require(nlp.pipe_names == ["tok2vec", "ner"], f"pipeline {nlp.pipe_names}")
    model = nlp.get_pipe("tok2vec").model
    _require(len(model.layers) == 2, "tok2vec is not embed >> encode")
    embed, encode = model.layers
    features = [n for n in embed.walk() if n.name == "extract_features"]
    _require(len(features) == 1 and list(features[0].attrs.get("columns", ())) == list(_ATTRS),
             "embedding attributes")
    hashes = [n for n in embed.walk() if n.name == "hashembed"]
    _require(len(hashes) == len(_ATTRS), "hash embeddings")
    _require(not any(n.name.startswith("static_vectors") for n in embed.walk()), "static vectors")
    embeds = [(numpy.asarray(h.get_param("E"), dtype=numpy.float32), int(h.attrs["seed"]), int(h.attrs["column"]))
              for h in hashes]
    mix = [n for n in embed.walk() if n.name == "maxout"]
    mix_norm = [n for n in embed.walk() if n.name == "layernorm"]
    _require(len(mix) == 1 and len(mix_norm) == 1, "embedding mix layer")
    _require(encode.name.startswith("with_array(") and len(encode.layers) == 1, "encoder wrapper")
    blocks = list(encode.layers[0].layers)
    _require(bool(blocks) and all(b.name.startswith("residual(expand_window") for b in blocks), "encoder blocks")
    block_params = []
    for b in blocks:
        windows = [n for n in b.walk() if n.name == "expand_window"]
        mo = [n for n in b.walk() if n.name == "maxout"]
        ln = [n for n in b.walk() if n.name == "layernorm"]
        _require(len(windows) == 1 and windows[0].attrs.get("window_size") == 1 and len(mo) == 1 and len(ln) == 1,
                 "encoder block layout")
        block_params.append((_maxout_params(mo[0]), (ln[0].get_param("G"), ln[0].get_param("b"))))
    pad = encode.attrs.get("pad")
    _require(pad == len(blocks), f"encoder padding {pad}")
    ops = NumpyOps()
    columns = [attrs.IDS[a] for a in _ATTRS] + [attrs.IS_SPACE]
    return {"embeds": embeds, "hash": ops.hash, "mix": _maxout_params(mix[0]),
            "mix_norm": (mix_norm[0].get_param("G"), mix_norm[0].get_param("b")),
            "blocks": block_params, "pad": pad, "columns": columns}


def _parser_params(nlp: Any) -> dict[str, Any]:
    ner = nlp.get_pipe("ner")
    _require(type(ner).__name__ == "EntityRecognizer", "ner component type")
    model = ner.model
    _require(model.attrs.get("has_upper") is True, "parser without an upper layer")
    _require(tuple(model.ref_names) == ("tok2vec", "lower", "upper"), "parser layout")
    t2v = model.get_ref("tok2vec")
    names = [layer.name for layer in t2v.layers]
    _require(names[:2] == ["tok2vec-listener", "list2array"] and len(names) == 3 and names[2] == "linear",
             f"parser input layers {names}")
    lin = t2v.layers[2]
    lower = model.get_ref("lower")
    upper = model.get_ref("upper")
    n_f, n_o, n_p, n_i = lower.get_dim("nF"), lower.get_dim("nO"), lower.get_dim("nP"), lower.get_dim("nI")
    _require(n_f == 3, f"{n_f} state features")
    moves = ner.moves
    names_of = [moves.get_class_name(i) for i in range(moves.n_moves)]
    labels = sorted({c[2:] for c in names_of if c[:2] in ("B-", "I-", "L-", "U-") and c[2:]})
    index = {c: i for i, c in enumerate(names_of)}
    _require("O" in index and all(f"{m}-{label}" in index for m in "BILU" for label in labels), "move set")
    label_of = {}
    for k, label in enumerate(labels):
        for m in "BILU":
            label_of[index[f"{m}-{label}"]] = k
    unseen = sorted(int(c) for c in model.attrs.get("unseen_classes", ()) or ())
    return {
        "in_w": numpy.ascontiguousarray(lin.get_param("W").T, dtype=numpy.float32),
        "in_b": numpy.asarray(lin.get_param("b"), dtype=numpy.float32),
        "lower_w": numpy.ascontiguousarray(lower.get_param("W").reshape(n_f * n_o * n_p, n_i).T, dtype=numpy.float32),
        "lower_pad": numpy.ascontiguousarray(lower.get_param("pad").reshape(n_f, n_o * n_p), dtype=numpy.float32),
        "lower_b": numpy.ascontiguousarray(lower.get_param("b").reshape(n_o * n_p), dtype=numpy.float32),
        "pieces": n_p,
        "upper_w": numpy.ascontiguousarray(upper.get_param("W").T, dtype=numpy.float32),
        "upper_b": numpy.asarray(upper.get_param("b"), dtype=numpy.float32),
        "unseen": unseen,
        "labels": labels,
        "label_of": label_of,
        "begin": [index[f"B-{x}"] for x in labels],
        "inside": [index[f"I-{x}"] for x in labels],
        "last": [index[f"L-{x}"] for x in labels],
        "unit": [index[f"U-{x}"] for x in labels],
        "out": index["O"],
    }


def agree(nlp: Any, fast: NumpyNer, texts: Sequence[str]) -> list[int]:
    """Indexes of the texts on which `fast` and spaCy find different entities (the load-time
    probe check and the tests)."""
    bad = []
    for i, text in enumerate(texts):
        want = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
        if fast(text) != want:
            bad.append(i)
    return bad
