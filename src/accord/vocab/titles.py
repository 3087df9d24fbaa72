"""Titles and posts of people in the news (data/titles.json)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from accord.vocab._load import load_json


@dataclass(frozen=True, slots=True)
class TitleLexicon:
    """Lower-case post heads with their flags, and the words around them."""

    heads: dict[str, tuple[bool, str]]  # head -> (official, class)
    max_words: int
    fixed: tuple[str, ...]
    ranks: frozenset[str]
    drop_modifiers: frozenset[str]
    nominal_classes: dict[str, frozenset[str]]
    #: modifiers that always belong to the post, whatever the parse ("shadow", "deputy")
    keep_modifiers: frozenset[str] = frozenset()
    #: modifiers that make a post a private one ("union leader", "company director")
    private_modifiers: frozenset[str] = frozenset()
    #: party name (as written) -> the state its posts are held in
    party_states: dict[str, str] = field(default_factory=dict)
    #: post (lower case, without "shadow", "deputy" ...) -> the one state that has it
    post_states: dict[str, str] = field(default_factory=dict)
    #: Last words of the heads: most tokens end none, and then no join is needed.
    last_words: frozenset[str] = frozenset()

    def head_at(self, words: list[str], end: int) -> str | None:
        """The longest head ending at ``words[end]`` (lower-case words), or None."""
        last = words[end]
        if self.last_words and last not in self.last_words and " " not in last:
            return None
        for n in range(min(self.max_words, end + 1), 0, -1):
            cand = " ".join(words[end - n + 1 : end + 1])
            if cand in self.heads:
                return cand
        return None

    def post_state(self, title: str) -> str | None:
        """The state a post's name alone says ("Shadow Home Secretary": GBR), or None."""
        words = title.lower().split()
        while words and words[0] in self.keep_modifiers:
            words.pop(0)
        return self.post_states.get(" ".join(words))

    def names_a_person(self, word: str) -> bool:
        """A post or a noun for a kind of official ("minister", "envoy", "official")."""
        return word in self.heads or word in self.nominal_classes

    def is_official(self, head: str) -> bool:
        return self.heads.get(head, (False, ""))[0]

    def title_class(self, head: str) -> str:
        return self.heads.get(head, (False, ""))[1]


@lru_cache(maxsize=1)
def titles() -> TitleLexicon:
    """The title lexicon, loaded once."""
    data = load_json("titles.json")
    heads = {k.lower(): (bool(v["official"]), str(v["class"])) for k, v in data["heads"].items()}
    # the tokenizer splits "director-general" into three tokens: match those too
    heads |= {k.replace("-", " - "): v for k, v in heads.items() if "-" in k}
    return TitleLexicon(
        heads=heads,
        max_words=max(len(h.split()) for h in heads),
        fixed=tuple(data["fixed_titles"]),
        ranks=frozenset(data["ranks"]),
        drop_modifiers=frozenset(w.lower() for w in data["drop_modifiers"]),
        nominal_classes={k: frozenset(v) for k, v in data["nominal_classes"].items()},
        last_words=frozenset(h.rsplit(" ", 1)[-1] for h in heads),
        keep_modifiers=frozenset(data["keep_modifiers"]),
        party_states=dict(data["party_states"]),
        post_states=dict(data["post_states"]),
        private_modifiers=frozenset(data["private_modifiers"]),
    )
