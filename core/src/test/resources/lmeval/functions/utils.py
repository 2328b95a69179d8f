# Helpers in the shape lm-eval's Korean tasks use (kobest-style utils.py), written for gukdae's
# tests: the same prompts as copa_jinja.yaml writes in Jinja.
import datasets

CONNECTOR = {"원인": "왜냐하면", "결과": "그래서"}


def process_docs(dataset: datasets.Dataset) -> datasets.Dataset:
    def tidy(doc):
        return {"premise": " ".join(doc["premise"].split())}

    kept = dataset.filter(lambda doc: doc["label"] in (0, 1))
    return kept.map(tidy).rename_column("label", "gold")


def doc_to_text(doc):
    return doc["premise"].strip() + " " + CONNECTOR[doc["question"]]


def doc_to_choice(doc):
    return [doc["alternative_1"], doc["alternative_2"]]


def doc_to_target(doc):
    return doc["gold"]


def process_results(doc, results):
    lls = [ll for ll, _greedy in results]
    best = max(range(len(lls)), key=lambda i: lls[i])
    return {"acc": 1.0 if best == doc["gold"] else 0.0, "first_is_best": float(best == 0)}
