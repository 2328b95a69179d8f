package kr.gukdae;

/**
 * One sentence a person reads, in Korean and English: stage explanations, lineage counts, ledger
 * verdicts and every other text the core writes for people. It lives in the root package so that
 * every layer (sources, evidence, scoring, decision) can say things in both languages without
 * depending on another; the CLI prints one with {@code Terminal.pick(text.ko(), text.en())}, REST
 * sends both.
 */
public record Bilingual(String ko, String en) {}
