"""The rules that choose the words of a title (see the package's docstring)."""

from __future__ import annotations

from typing import Literal

from .. import vocab
from ..words import DATE_WORDS, base_form, present, stem
from .grammar import (
    ADVERBS,
    AUXILIARIES,
    BY,
    CLAUSE_ENDS,
    DETERMINERS,
    EDGE,
    GAPPING,
    PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    SAYING,
    SHORT_WORDS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Headline,
    capitalised,
    find_verb,
    named_subject,
    participle_of,
    plural,
    role_subject,
    verb_at,
    verb_base,
    verb_first,
)
from .render import Rendering
from .segments import Segments


class Builder(Segments, Rendering):
    """Builds one headline; see the package's docstring for the rules."""

    def build(self) -> Headline:
        home = self.home
        when = self._when_clause()
        if when is not None:
            return self._finish(when)
        attributive = self._attributive()
        if attributive is not None:
            return self._finish(attributive)
        complement = self._complement(self.kept(home)) or self._subordinate(self.kept(home))
        if complement is not None:
            return self._finish(complement)
        reduced = self._reduced_relative(self.kept(home))
        if reduced is not None:
            return self._finish(reduced)
        predicate = home
        if not self.has_verb(home) and (self._only_time(home) or self._setting(home)) \
                and not self._participle_start(self.kept(home)):  # fmt: skip
            # A date that stands alone, or in a phrase that only sets the scene: it dates the
            # clause that phrase introduces or closes.
            predicate = self._predicate_near(home)
        nominal = self._nominal() if predicate == home else None
        if nominal is not None:
            verb, subject = nominal
            text = self._render(self._shortened(subject), headline=True)
            if text:
                return Headline(capitalised(f"{text} {verb}"), stem(verb.split()[0]))
        words = self._main_clause(predicate)
        words = self._verb_conjunct(words)
        words = self._coordination(words)
        relative = self._relative_clause(predicate) if predicate == home else None
        if relative is not None:
            words = relative
        else:
            reported = self._reported(predicate, words)
            if reported is not None:
                return reported
            words = self._with_subject(predicate, words)
        words = self._clause_end(words)
        words = self._with_participle(predicate, words)
        return self._finish(words)

    def _nominal(self) -> tuple[str, list[int]] | None:
        """ "the fall of Bilbao in June", "the opening of the Geneva peace meeting on April
        26": a noun that names a happening, "of", and who or what it happened to, right
        before the date: "Bilbao falls", "Geneva peace meeting opens"."""
        toks = self.toks
        end = self.phrase.start - 1
        while end >= 0 and toks[end].low in PREPOSITIONS and end not in self.cut:
            end -= 1
        k = end
        while k >= 0 and toks[k].low != "of" and toks[k].is_word and k not in self.cut:
            k -= 1
        if k < 1 or toks[k].low != "of" or k == end:
            return None
        noun = toks[k - 1].low
        if noun not in vocab.HAPPENING_VERBS:
            return None
        lead = k - 2
        while (
            lead >= 0
            and toks[lead].is_word
            and lead >= k - 4
            and (toks[lead].low not in PREPOSITIONS and not verb_at(toks, lead))
        ):
            lead -= 1
        if lead >= 0 and toks[lead].is_word and toks[lead].low not in PREPOSITIONS:
            return None  # the object of a verb: "announced the opening of …" dates "announced"
        return vocab.HAPPENING_VERBS[noun], self.trim(list(range(k + 1, end + 1)))

    def _verb_conjunct(self, words: list[int]) -> list[int]:
        """ "Salan guessed what they were up to and cancelled the operation on 14 November":
        of two verbs joined by "and", the date belongs to the nearer; the title keeps the
        subject and that verb's conjunct."""
        toks = self.toks
        at = find_verb(toks, words)
        if at is None:
            return words
        for pos in range(at + 1, len(words)):
            i = words[pos]
            if toks[i].low not in ("and", "but"):
                continue
            after = words[pos + 1 : pos + 4]
            second = find_verb(toks, after)
            if second is None or not all(toks[j].low in ADVERBS for j in after[:second]):
                continue
            if i < self.phrase.start:
                return self.trim(words[:at] + words[pos + 1 :])
            return self.trim(words[:pos])
        return words

    def _when_clause(self) -> list[int] | None:
        """ "since early December, when Castro promised …": a clause opened by "when" right
        after the date phrase tells what happened then."""
        toks = self.toks
        i = self.phrase.stop
        if i < len(toks) and toks[i].text == ",":
            i += 1
        if i >= len(toks) or toks[i].low != "when":
            return None
        clause = []
        for j in range(i + 1, len(toks)):
            if toks[j].is_break or j in self.cut:
                break
            clause.append(j)
        clause = self.trim(clause)
        if find_verb(toks, clause) is None or len(clause) < 3:
            return None
        return clause

    def _attributive(self) -> list[int] | None:
        """ "the 1959 trade embargo against Cuba": a year before a noun dates the thing the
        noun names; the title is that noun phrase, when it says enough (three words)."""
        toks = self.toks
        before, after = self.phrase.start - 1, self.phrase.stop
        possessive = self._possessive_relative()
        if possessive is not None:
            return possessive
        if before < 0 or after >= len(toks) or toks[before].low not in DETERMINERS:
            return None
        phrase_text = " ".join(toks[i].text for i in self.phrase)
        if not phrase_text.isdigit():
            return None
        words: list[int] = []
        for j in range(after, len(toks)):
            tok = toks[j]
            if tok.is_break or j in self.cut or verb_at(toks, j) or tok.low in RELATIVES:
                break
            if tok.low in ("and", "or", "but", "as"):
                break
            words.append(j)
            if len(words) >= 8:
                break
        words = self.trim(words)
        if sum(1 for j in words if toks[j].is_word) < 3 or toks[words[0]].low in PREPOSITIONS:
            return None
        return words

    def _possessive_relative(self) -> list[int] | None:
        """ "after last night's concert, which began at 8pm": a date that owns a noun
        dates what the noun names, and the relative clause after it tells what that was."""
        toks = self.toks
        after = self.phrase.stop
        if after >= len(toks) or toks[after].low not in ("'s", "'"):
            return None
        noun: list[int] = []
        j = after + 1
        while j < len(toks) and toks[j].is_word and not verb_at(toks, j) and len(noun) < 5:
            if toks[j].low in RELATIVES or toks[j].low in PREPOSITIONS:
                break
            noun.append(j)
            j += 1
        if not noun:
            return None
        if j < len(toks) and toks[j].text == ",":
            j += 1
        if j >= len(toks) or toks[j].low not in ("which", "that", "who"):
            return None
        clause = []
        for k in range(j + 1, len(toks)):
            if toks[k].is_break or k in self.cut:
                break
            clause.append(k)
        clause = self.trim(clause)
        if find_verb(toks, clause) != 0:
            return None
        return noun + clause

    def _predicate_near(self, home: int) -> int:
        """The segment a lone date dates: the first clause after it with a verb when it comes
        first (skipping relative clauses), else the nearest clause before."""
        n = len(self.segments)
        fronted = not any(self.has_verb(k) for k in range(home))
        after = list(range(home + 1, n))
        before = list(range(home - 1, -1, -1))
        joined = home > 0 and self.toks[self.segments[home - 1][-1]].low in ("and", "but", "then")
        # "X did A and, in the following two years, did B": the date opens the next conjunct
        order = after + before if fronted or joined else before + after
        fallback = None
        dated = None
        for k in order:
            if self.relative(k) or not self.has_verb(k):
                continue
            if self.dated(k):
                dated = dated if dated is not None else k
                continue
            if self.adverbial(k) and self._main_clause(k) == self.kept(k):
                fallback = fallback if fallback is not None else k
                continue
            return k
        for chosen in (fallback, dated):
            if chosen is not None:
                return chosen
        return home

    def _subject_before(self, predicate: int) -> list[int]:
        """The subject of a clause that starts with its verb: the nearest run of noun phrases
        before it (adverbials and relative clauses skipped), a name first."""
        run: list[int] = []
        for k in range(predicate - 1, -1, -1):
            if k == self.home:
                after = self.trim([i for i in self.kept(k) if i >= self.phrase.stop])
                if after and find_verb(self.toks, after) is None:
                    return after  # "On 12 October the river, …, burst its banks"
                if self.words(k) == 0 or self._only_time(k):
                    continue
            if self.relative(k):
                continue
            clause = self.has_verb(k) and (
                self._fronted_date(k) or self._main_clause(k) != self.kept(k)
            )
            if self.adverbial(k) and not clause:
                continue  # "after a week of fighting": no subject in it
            if self.has_verb(k):
                # a clause, maybe after an opening phrase ("In 1937 the army shelled …")
                if not run and self._leading_subject(k):
                    return self._leading_subject(k)
                break
            if self.dated(k):
                break
            if self.words(k) > 0:
                run.append(k)
        if not run:
            return []
        names = [k for k in run if self.is_proper_name(k)]
        chosen = names[-1] if names else run[-1]  # the first name: "Rep. Dan Burton, R-Ind., said"
        return self.kept(chosen)

    def _leading_subject(self, k: int) -> list[int]:
        """The words of segment ``k`` before its verb, when they make a subject."""
        words = self._main_clause(k)
        at = find_verb(self.toks, words)
        if not at or at > 8:
            return []
        subject = words[:at]
        while subject and self.toks[subject[-1]].low in ADVERBS:
            subject.pop()
        return subject

    def _with_subject(self, predicate: int, words: list[int]) -> list[int]:
        """A clause that starts with its verb (or a participle: "having lost …", "touring …")
        takes its subject from the segments around it."""
        toks = self.toks
        if not words:
            return words
        participle = self._participle_start(words)
        if participle:
            subject = self._subject_before(predicate) or self._subject_after(predicate)
            if subject:
                self._name_if_pronoun(subject)
                self.participle = words[participle - 1]
                return subject + words[participle - 1 :]
            return words
        at = find_verb(toks, words)
        if at is None:
            return self._gapped(predicate, words)
        if not verb_first(toks, words):
            if at == 1:
                self._name_if_pronoun(words[:1])
            return words
        subject = self._subject_before(predicate)
        if not subject:
            return words
        self._name_if_pronoun(subject)
        verb = words[at]
        if (
            participle_of(toks[verb]) is not None
            and toks[verb].low not in AUXILIARIES
            and predicate + 1 < len(self.segments)
            and self.first_word(predicate + 1) not in PREPOSITIONS | SUBORDINATORS
            and self.first_word(predicate + 1) not in ("and", "but", "or", "which", "who")
        ):
            # "The town walls, rebuilt in 1660, still stand": a participle between a subject
            # and its own verb describes the subject.
            self.participle_passive = verb
        return subject + words

    def _subject_after(self, predicate: int) -> list[int]:
        """The subject of the main clause that follows a fronted participle clause."""
        for k in range(predicate + 1, len(self.segments)):
            if self.dated(k) or self.relative(k):
                continue
            if self.has_verb(k):
                return self._leading_subject(k)
        return []

    def _name_if_pronoun(self, subject: list[int]) -> None:
        """ "he" or "she" alone as a subject: the person named as the subject of the sentence's
        first clause ("General de Lattre fell ill …; he died there"), else the one the
        sentence before plainly speaks of."""
        if len(subject) != 1 or self.toks[subject[0]].low not in PRONOUNS:
            return
        toks = self.toks
        earlier = [t.text for k, t in enumerate(toks[: subject[0]]) if k not in self.cut]
        # the subject of the sentence's first clause, when the pronoun starts a later one
        name = named_subject(" ".join(earlier)) if earlier else None
        if name is None:
            name = named_subject(self.previous_sentence())
        if name is None:
            # or by role, when that is all the text calls them ("the harbour master")
            name = role_subject(" ".join(earlier)) if earlier else None
            name = name or role_subject(self.previous_sentence())
        if name is not None:
            self.name_for[subject[0]] = name

    def _gapped(self, predicate: int, words: list[int]) -> list[int]:
        """A clause with no verb that continues another ("followed by Barcelona", "and Phu
        Yen", "Germany in 1955") borrows the verb of the clause it continues: as its subject
        when that verb has no object ("Tarragona fell" -> "Barcelona falls"), else as its
        object ("Salan took Phu Tho" -> "Salan takes Phu Yen")."""
        toks = self.toks
        if predicate == 0 or len(words) > 5:
            return words
        segment = [i for i in self.segments[predicate] if i not in self.cut]
        head = " ".join(toks[i].low for i in segment[:3])
        listed = self.dated(predicate - 1)
        if not listed and not any(head.startswith(lead) for lead in GAPPING):
            return words
        first = next((k for k in range(predicate) if self.has_verb(k)), None)
        if first is None:
            return words
        clause = self._main_clause(first)
        at = find_verb(toks, clause)
        assert at is not None
        chain = [clause[at]]
        pos = at + 1
        while pos < len(clause) and (toks[clause[pos]].low == "to" or verb_at(toks, clause[pos])
                                     or toks[clause[pos - 1]].low == "to"):  # fmt: skip
            chain.append(clause[pos])
            pos += 1
        if toks[chain[0]].low in vocab.REPORTING_VERBS:
            return words
        while chain and toks[chain[0]].low in AUXILIARIES:
            chain.pop(0)
        if not chain:
            return words
        noun = [i for i in words if toks[i].low not in ("followed", "by", "finally", "then")]
        transitive = pos < len(clause) and clause[pos] not in self.cut and \
            toks[clause[pos]].low not in PREPOSITIONS  # fmt: skip
        self.forced_verb = chain[0]
        if head.startswith("followed by"):
            # "A relief army reached the town in April, followed by a second column on 2 May":
            # the second column did the same, to the same object.
            thing = []
            for i in clause[pos:]:
                if toks[i].low in PREPOSITIONS or i in self.cut:
                    break
                thing.append(i)
            return noun + chain + thing
        if transitive:
            return clause[:at] + chain + noun
        return noun + chain

    def _coordination(self, words: list[int]) -> list[int]:
        """Within one segment, keep the conjunct of this date when another date has one of its
        own right next to the conjunction: "X on 5 May and Y on 6 May"."""
        if not self.others:
            return words
        toks = self.toks
        lo, hi = 0, len(words)
        for pos, i in enumerate(words):
            if toks[i].low not in ("and", "but", "while", "whereas"):
                continue
            if i < self.phrase.start and any(i - 6 <= o < i for o in self.others):
                lo = pos + 1
            elif i > self.phrase.start and any(i < o <= i + 6 for o in self.others):
                hi = pos
                break
        return self.trim(words[lo:hi])

    def _clause_end(self, words: list[int]) -> list[int]:
        """A title ends before what opens another clause after its verb and its date: a
        conjunction ("… although it was argued …"), a relative pronoun ("… which created
        NATO"), "so much that", or "and" with a subject or verb of its own ("… and they left")."""
        toks = self.toks
        at = find_verb(toks, words)
        for pos in range(1, len(words)):
            i = words[pos]
            if i < self.phrase.start:
                continue
            low = toks[i].low
            if (
                low in ("and", "but")
                and pos + 2 < len(words)
                and (toks[words[pos + 1]].low in SUBJECT_PRONOUNS or verb_at(toks, words[pos + 1]))
            ):
                return self.trim(words[:pos])
            if at is None or pos <= at:
                continue
            if low in CLAUSE_ENDS or (low in ("which", "who") and pos > at + 2):
                return self.trim(words[:pos])
            if low == "that" and toks[words[pos - 1]].low in ("so", "much", "such"):
                return self.trim(words[: pos - (toks[words[pos - 1]].low == "so")])
        return words

    def _relative_clause(self, predicate: int) -> list[int] | None:
        """When the date is in a relative clause: its antecedent, then the clause (up to the
        main clause's verb): "the architect who designed the station in 1962 has died"."""
        toks = self.toks
        segment = self.segments[predicate]
        if self.relative(predicate) and predicate > 0:
            # The segment opens with "who" or "which": the antecedent ends the segment before.
            previous = self.segments[predicate - 1]
            antecedent = self._noun_phrase_before(previous[-1] + 1, previous[0])
            first = next(i for i in segment if toks[i].is_word and i not in self.cut)
            clause = self.trim([i for i in segment if i > first and i not in self.cut])
            return self.trim(antecedent + clause) if antecedent and clause else None
        seen_verb: bool | Literal["main"] = False
        for i in reversed(segment):
            if i >= self.phrase.start:
                continue
            low = toks[i].low
            if low in ("who", "which", "whom", "whose") or (
                low == "that" and self._relative_that(i)
            ):
                if seen_verb == "main":
                    return None
                antecedent = self._noun_phrase_before(i, segment[0])
                if not antecedent:
                    return None
                clause = self.trim([j for j in segment if j > i and j not in self.cut])
                return self.trim(antecedent + self._until_main_verb(clause))
            if verb_at(toks, i):
                if low in vocab.REPORTING_VERBS:
                    return None  # "said that …" is not a relative clause
                if low in AUXILIARIES and seen_verb:
                    seen_verb = "main"  # "who saw X | was quoted Friday": the main clause's
                elif not seen_verb:
                    seen_verb = True
        return None

    def _complement(self, words: list[int]) -> list[int] | None:
        """ "notes in its findings that the leaks began more than 10 years ago": when
        the date is in a clause opened by "that" after a verb or a noun, the title is that
        clause."""
        toks = self.toks
        for pos in range(len(words) - 1, 0, -1):
            i = words[pos]
            if i > self.phrase.start or toks[i].low != "that":
                continue
            clause = words[pos + 1 :]
            at = find_verb(toks, clause)
            if at is None or at == 0 or clause[at] > self.phrase.start:
                return None
            if self._relative_that(i) and find_verb(toks, words[:pos]) is not None:
                return None
            if toks[words[pos - 1]].low in vocab.REPORTING_VERBS and verb_at(toks, words[pos - 1]):
                return None  # "said that …" is read with the speaker
            if sum(1 for j in clause if toks[j].is_word) < 3:
                return None
            return self.trim(clause)
        return None

    def _subordinate(self, words: list[int]) -> list[int] | None:
        """ "It was the wettest summer since records began in 1910": when the date is in a
        clause opened by a conjunction after the main clause's verb, with a subject and a verb
        of its own, the title is that clause."""
        toks = self.toks
        first = find_verb(toks, words)
        if first is None:
            return None
        for pos in range(len(words) - 1, first, -1):
            i = words[pos]
            if i > self.phrase.start or toks[i].low not in SUBORDINATORS:
                continue
            clause = words[pos + 1 :]
            at = find_verb(toks, clause)
            if not at or clause[at] > self.phrase.start:
                return None  # "since 1993", "after the war in 1945": no clause of its own
            return self.trim(clause)
        return None

    def _reduced_relative(self, words: list[int]) -> list[int] | None:
        """ "the ferries withdrawn in 2012", "the audit report published in September 2022":
        a participle right after its noun, after the clause's own verb (or inside a phrase
        led by a preposition), dates that noun: the title is the noun and the participle."""
        toks = self.toks
        before = [i for i in words if i < self.phrase.start]
        if len(before) < 2:
            return None
        for pos in range(len(before) - 1, 0, -1):
            i = before[pos]
            if (
                verb_base(toks[i], toks[before[pos - 1]]) is None
                or participle_of(toks[i]) is None
                or toks[i].low in SAYING | AUXILIARIES
            ):
                continue
            after = toks[i + 1] if i + 1 < len(toks) else None
            if (
                after is not None
                and after.is_word
                and (
                    after.low in DETERMINERS
                    or (
                        after.low not in EDGE
                        and after.low not in PARTICLES
                        and after.low not in DATE_WORDS
                        and i + 1 not in self.cut
                    )
                )
            ):
                return None  # "the army reached the town": a verb with its object
            previous = toks[before[pos - 1]]
            if not previous.is_word or previous.low in AUXILIARIES | ADVERBS | EDGE | \
                    SUBJECT_PRONOUNS:  # fmt: skip
                return None
            led = toks[before[0]].low in PREPOSITIONS or self.first_word(self.home) in PREPOSITIONS
            noun = self._noun_phrase_before(i, before[0])
            if not noun:
                return None
            link = noun[0] - 1
            if link > before[0] and toks[link].low in ("of", "to", "for") and link - 1 >= 0:
                head = self._noun_phrase_before(link, before[0])
                if head:  # "a reply to the programme aired on May 16"
                    noun = head + [link] + noun
            inside = self._object_position(noun[0])
            if not led and find_verb(toks, before[: pos - 1]) is None and not (
                inside and (not self._after_preposition(noun[0]) or self._finite_verb_after(i + 1))
            ):
                # A noun after a preposition, no verb before, none after: the participle is
                # the clause's own verb ("Workers at the port returned to work on Monday").
                return None
            self.participle_passive = i
            return self._clause_end(self.trim(noun + [j for j in words if i <= j]))
        return None

    def _after_preposition(self, i: int) -> bool:
        """Whether the noun phrase starting at ``i`` follows a preposition."""
        toks = self.toks
        j = i - 1
        while j >= 0 and toks[j].low in DETERMINERS:
            j -= 1
        return j >= 0 and toks[j].low in PREPOSITIONS

    def _finite_verb_after(self, start: int) -> bool:
        """Whether a verb that is not an infinitive comes after ``start`` in the sentence
        ("the goods at the port seized in May *were* burned")."""
        toks = self.toks
        rest = [j for j in range(start, len(toks)) if j not in self.cut]
        while rest:
            at = find_verb(toks, rest)
            if at is None:
                return False
            j = rest[at]
            if j == 0 or toks[j - 1].low != "to":
                return True
            rest = rest[at + 1 :]
        return False

    def _reported(self, predicate: int, words: list[int]) -> Headline | None:
        """A clause that only reports ("New Zealand said Friday in response to …") gives way
        to what is reported, with the speaker: "New Zealand says …"."""
        toks = self.toks
        at = next((p for p, i in enumerate(words) if toks[i].low in vocab.REPORTING_VERBS
                   and verb_at(toks, i)), None)  # fmt: skip
        if at is None:
            return None
        verb = words[at]
        speaker = words[:at]
        rest = words[at + 1 :]
        if rest and toks[rest[0]].low == BY and not speaker:
            return self._announced_by(predicate, verb, rest[1:])
        if toks[verb].low not in SAYING and rest and toks[rest[0]].low != "that":
            return None  # "reported a loss", "announced a plan": a happening of its own
        if not speaker and rest:
            # "…, said the agency's spokesman": the speaker comes after the verb.
            speaker, rest = rest, []
        if len(speaker) > 7 or any(toks[i].low in AUXILIARIES for i in speaker):
            return None
        if rest and toks[rest[0]].low == "that":
            content = self.trim(rest[1:])
        elif rest and toks[rest[0]].low not in PREPOSITIONS and find_verb(toks, rest):
            content = rest
        else:
            content = self._reported_elsewhere(predicate)
        if sum(1 for i in content if toks[i].is_word) < 3:
            return None
        self._name_if_pronoun(speaker)
        said = self._render(speaker, headline=True) if speaker else ""
        if not said or said.lower() in ("it", "they", "he", "she"):
            return self._finish(content)
        body = self._finish(content, capitalise=False)
        says = "say" if plural([toks[i] for i in speaker]) else "says"
        return Headline(f"{capitalised(said)} {says} {body.text}", body.action)

    def _announced_by(self, predicate: int, verb: int, agent: list[int]) -> Headline | None:
        """ "the decision, announced Wednesday by the commissioner": the commissioner
        announces the decision."""
        if not agent or predicate == 0:
            return None
        before = self.segments[predicate - 1]
        thing = self._noun_phrase_before(before[-1] + 1, before[0])
        if not thing:
            return None
        base = base_form(self.toks[verb].low) or stem(self.toks[verb].low)
        said = self._render(self.trim(agent), headline=True)
        what = self._render(thing, headline=True)
        return Headline(f"{capitalised(said)} {present(base, False)} {what}", stem(base))

    def _reported_elsewhere(self, predicate: int) -> list[int]:
        """What the sentence reports outside the reporting clause: the segments before it (a
        quotation, or "X, Y said") or, failing that, after it."""
        before = self.trim([i for k in range(predicate) for i in self.segments[k]
                            if i not in self.cut])  # fmt: skip
        if sum(1 for i in before if self.toks[i].is_word) >= 3:
            return before
        return self.trim([i for k in range(predicate + 1, len(self.segments))
                          for i in self.segments[k] if i not in self.cut])  # fmt: skip

    def _with_participle(self, predicate: int, words: list[int]) -> list[int]:
        """A short title takes in the participle clause that follows it: "Giap tried again,
        launching an attack against Mao Khe"."""
        if sum(1 for i in words if self.toks[i].is_word) > SHORT_WORDS:
            return words
        nxt = predicate + 1
        if nxt >= len(self.segments) or self.dated(nxt):
            return words
        first = self.first_word(nxt)
        if not first.endswith("ing") or first in ("during", "including", "according", "having",
                                                  "being"):  # fmt: skip
            return words
        return words + self.kept(nxt)
