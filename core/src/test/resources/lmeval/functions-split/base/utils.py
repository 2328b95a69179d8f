# The included file's helpers: lm-eval looks for them next to the file that names them.


def doc_to_text(doc):
    return "문제: " + doc["question"].strip() + "\n풀이:"


def doc_to_target(doc):
    return doc["answer"].split("####")[-1].strip()
