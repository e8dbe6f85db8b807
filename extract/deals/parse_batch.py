"""The gated parse of a batch of Docs in one parser call per round.

The deal rules ask for the parse of a sentence deep inside their reasoning, one sentence at a
time, and which sentences they ask about depends on the answers. spaCy's parser costs per call
more than per sentence (its greedy steps multiply one state's vector by the weights), so
`ParseBatch` runs the deal rules of each Doc of a batch in turn, each in a thread of its own that
pauses where it asks for a parse, and parses all the sentences asked about in one call before
letting them go on. Exactly one thread runs at a time, in the batch's order: the rules see the
same answers as when each Doc asks alone (the parser scores each sentence on its own; a test
compares them), and the tables are the same.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")

#: In a batch's thread: `ask`, how that thread has a sentence Doc parsed (see `parse_sentence`).
_current = threading.local()


def parse_sentence(parser: Any, sentence: Doc) -> Doc:
    """`sentence` parsed: with the others of its batch inside `ParseBatch.run`, alone elsewhere."""
    ask: Callable[[Doc], Doc] | None = getattr(_current, "ask", None)
    return ask(sentence) if ask is not None else next(parser.pipe([sentence]))


class _Job(threading.Thread, Generic[T]):
    """One Doc's work in its own thread: it runs only between `resume` and its next pause."""

    def __init__(self, work: Callable[[], T], paused: threading.Semaphore) -> None:
        super().__init__(daemon=True)
        self.work, self.paused = work, paused
        self.resume = threading.Semaphore(0)
        self.asked: Doc | None = None
        self.answer: Doc | BaseException | None = None
        self.result: T | None = None
        self.error: BaseException | None = None
        self.done = False

    def run(self) -> None:
        self.resume.acquire()
        _current.ask = self.ask
        try:
            self.result = self.work()
        except BaseException as error:  # handed to the batch's caller, in the Doc's place
            self.error = error
        finally:
            self.done = True
            self.paused.release()

    def ask(self, sentence: Doc) -> Doc:
        """Pause until the batch has parsed `sentence` (in this job's thread)."""
        self.asked = sentence
        self.paused.release()
        self.resume.acquire()
        answer, self.answer = self.answer, None
        if isinstance(answer, BaseException):
            raise answer
        assert answer is not None
        return answer

    def step(self) -> None:
        """Let the job run until it asks for a parse or ends (in the batch's thread)."""
        self.resume.release()
        self.paused.acquire()


class ParseBatch:
    """Runs works that may ask for sentence parses, parsing what they ask in one call a round."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser

    def run(self, works: Sequence[Callable[[], T]]) -> list[T | BaseException]:
        """Each work's result, or the exception it raised, in the works' order."""
        paused = threading.Semaphore(0)
        jobs = [_Job(work, paused) for work in works]
        for job in jobs:
            job.start()
        waiting: list[_Job[T]] = jobs
        try:
            while waiting:
                for job in waiting:
                    job.step()
                waiting = [job for job in waiting if not job.done]
                if waiting:
                    sentences = [job.asked for job in waiting]
                    parsed = list(self.parser.pipe(sentences, batch_size=len(sentences)))
                    for job, doc in zip(waiting, parsed, strict=True):
                        job.answer = doc
        except BaseException as error:
            for job in waiting:  # let the paused jobs end (each raises the error where it asked)
                if not job.done:
                    job.answer = error
                    job.step()
            raise
        finally:
            for job in jobs:
                job.join()
        return [job.error if job.error is not None else job.result for job in jobs]  # type: ignore[misc]
