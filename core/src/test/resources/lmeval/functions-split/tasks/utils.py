# A second utils.py in another folder, for the including task's own helper (same module name).
import re


def process_results(doc, results):
    answer = doc["answer"].split("####")[-1].strip()
    numbers = re.findall(r"-?\d+", results[0].replace(",", ""))
    return {"exact_match": float(bool(numbers) and numbers[-1] == answer), "replied": float(bool(results[0].strip()))}
